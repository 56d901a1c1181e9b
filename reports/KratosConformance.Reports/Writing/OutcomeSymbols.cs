using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>The one vocabulary for outcomes in every human-facing output (matrix cells, progress lines).</summary>
public static class OutcomeSymbols
{
    public static string Cell(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "✓",
        TestOutcome.Failed => "✗",
        TestOutcome.NotApplicable => "n.a.",
        TestOutcome.ExpectedFailure => "✗ (expected)",
        TestOutcome.Interrupted => "interrupted",
        _ => outcome.ToString(),
    };

    /// <summary>The wire name used in results.json ("not-applicable"), also used as a CSS class.</summary>
    public static string WireName(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        TestOutcome.NotApplicable => "not-applicable",
        TestOutcome.ExpectedFailure => "expected-failure",
        TestOutcome.Interrupted => "interrupted",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string FirstLine(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "";
        }

        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
