using KratosConformance.Reports.Evidence;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The one way checks end, so every check is recorded and fails the same way (style.md principle 3): a passed check
/// is written into the evidence with what it read; a failed one too, and then, as the observation's severity says,
/// stops the test, is recorded for the end of the test, or is a warning.
/// </summary>
internal static class Check
{
    /// <summary>Records <paramref name="definition"/> as passed or failed; a failure acts by the observation's severity.</summary>
    public static void Verify(Observation o, CheckDefinition definition, bool passed, FailureText text) =>
        Verify(o, definition, passed, text, o.Severity);

    /// <summary>
    /// As <see cref="Verify(Observation, CheckDefinition, bool, FailureText)"/>, but a failure always stops: for checks
    /// whose result the next step needs (the flow, the session), which can not go on without it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Require(Observation o, CheckDefinition definition, FailureText text)
    {
        Verify(o, definition, passed: false, text, CheckSeverity.Stop);
        throw new InvalidOperationException("unreachable: a stopping check throws");
    }

    /// <summary>
    /// As <see cref="Verify(Observation, CheckDefinition, bool, FailureText)"/>, but a failure always stops whatever the
    /// call site chose: for checks that return what they read (a secret, the codes) for the next step.
    /// </summary>
    public static void Must(Observation o, CheckDefinition definition, bool passed, FailureText text) =>
        Verify(o, definition, passed, text, CheckSeverity.Stop);

    /// <summary>Records a passed evaluation of a check whose failure is reported by <see cref="Require"/>.</summary>
    public static void Passed(Observation o, CheckDefinition definition, FailureText text) =>
        Verify(o, definition, passed: true, text, CheckSeverity.Stop);

    /// <summary>"[1010003, 1010004]"; "[]" when empty.</summary>
    public static string List<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    public static string Quote(string? text) => text is null ? "(none)" : $"\"{text}\"";

    private static void Verify(Observation o, CheckDefinition definition, bool passed, FailureText text, CheckSeverity severity)
    {
        var outcome = passed ? CheckOutcome.Passed : severity == CheckSeverity.Warn ? CheckOutcome.Warned : CheckOutcome.Failed;
        o.Log?.Record(o, definition, text, outcome, severity);
        if (passed || severity == CheckSeverity.Warn)
        {
            return;
        }

        var failure = CheckFailure.About(o, definition, text);
        if (severity == CheckSeverity.Record && o.Log is not null)
        {
            o.Log.RecordFailure(failure);
            return;
        }

        throw new ConformanceCheckException(failure);
    }
}
