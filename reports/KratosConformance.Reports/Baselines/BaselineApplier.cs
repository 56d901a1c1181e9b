using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Baselines;

/// <summary>
/// Applies a baseline to a run. A listed failure becomes an expected failure; a listed test that passes becomes a
/// failure, because a deviation that stopped happening must be removed from the baseline or the baseline would hide
/// its return (the OpenID suite's rule); entries that matched no test are reported and written to the run notes.
/// </summary>
public static class BaselineApplier
{
    /// <summary>Run note key prefix for unused entries: "baseline.unused.&lt;test-id&gt;" → why and the entry's reason.</summary>
    public const string UnusedNotePrefix = "baseline.unused.";

    public const string FileNoteKey = "baseline.file";

    public static BaselineApplication Apply(RunResult run, Baseline baseline)
    {
        var tests = run.Tests.Select(t => Apply(t, baseline.Find(t.Id))).ToList();
        var unused = FindUnused(run.Tests, baseline);
        var notes = new Dictionary<string, string>(run.Run.Notes) { [FileNoteKey] = baseline.Source };
        foreach (var entry in unused)
        {
            notes[UnusedNotePrefix + entry.Entry.Id] = $"{entry.Why} (baseline reason: {entry.Entry.Reason})";
        }

        var result = run with { Tests = tests, Run = run.Run with { Notes = notes } };
        return new BaselineApplication(result, unused);
    }

    public static string PassedButListedNote(BaselineEntry entry) =>
        $"expected to fail (baseline: {entry.Reason}) but passed: remove it from the baseline";

    private static TestResult Apply(TestResult test, BaselineEntry? entry)
    {
        if (entry is null)
        {
            return test;
        }

        switch (test.Outcome)
        {
            case TestOutcome.Failed:
                return test with { Outcome = TestOutcome.ExpectedFailure, BaselineNote = entry.Reason };
            case TestOutcome.Passed:
                var note = PassedButListedNote(entry);
                return test with
                {
                    Outcome = TestOutcome.Failed,
                    BaselineNote = note,
                    Message = $"{test.Id} — {note}\nThe baseline lists this test as a known deviation, but the deployment now conforms.",
                };
            default:
                return test;
        }
    }

    private static List<UnusedBaselineEntry> FindUnused(IReadOnlyList<TestResult> tests, Baseline baseline)
    {
        var unused = new List<UnusedBaselineEntry>();
        foreach (var entry in baseline.ExpectedFailures)
        {
            var test = tests.FirstOrDefault(t => t.Id == entry.Id);
            if (test is null)
            {
                unused.Add(new UnusedBaselineEntry(entry, "test not in this run"));
            }
            else if (test.Outcome == TestOutcome.NotApplicable)
            {
                unused.Add(new UnusedBaselineEntry(entry, "test not applicable: " + (test.Message ?? "no reason given")));
            }
        }

        return unused;
    }
}
