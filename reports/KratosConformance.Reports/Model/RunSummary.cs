namespace KratosConformance.Reports.Model;

public sealed record RunSummary(int Total, int Passed, int Failed, int NotApplicable, int ExpectedFailure, int Interrupted = 0)
{
    public static RunSummary Of(IEnumerable<TestResult> tests)
    {
        var list = tests.ToList();
        return new RunSummary(
            list.Count,
            list.Count(t => t.Outcome == TestOutcome.Passed),
            list.Count(t => t.Outcome == TestOutcome.Failed),
            list.Count(t => t.Outcome == TestOutcome.NotApplicable),
            list.Count(t => t.Outcome == TestOutcome.ExpectedFailure),
            list.Count(t => t.Outcome == TestOutcome.Interrupted));
    }
}
