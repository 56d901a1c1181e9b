using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Terminal;

/// <summary>
/// Colour for console output, only when writing to a terminal: CI logs and redirected files get plain text, and
/// NO_COLOR (https://no-color.org) switches colour off everywhere.
/// </summary>
public sealed class ConsoleStyle(bool useColor)
{
    public static ConsoleStyle Plain { get; } = new(false);

    public bool UseColor { get; } = useColor;

    public static ConsoleStyle ForStandardOutput() => new(
        !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public string Outcome(TestOutcome outcome, string text) => outcome switch
    {
        TestOutcome.Passed => Paint("32", text),
        TestOutcome.Failed => Paint("1;31", text),
        TestOutcome.ExpectedFailure or TestOutcome.Interrupted => Paint("33", text),
        _ => Paint("2", text),
    };

    public string Verdict(bool passed, string text) => Paint(passed ? "1;32" : "1;31", text);

    /// <summary>Green for passed, red for failed, yellow for interrupted (neither).</summary>
    public string Verdict(RunVerdict verdict) =>
        verdict?.Interrupted == true ? Paint("1;33", verdict.Line) : Verdict(verdict?.Passed ?? false, verdict?.Line ?? string.Empty);

    /// <summary>A warning line (secrets revealed): yellow.</summary>
    public string Warning(string text) => Paint("1;33", text);

    public string Dim(string text) => Paint("2", text);

    private string Paint(string code, string text) => UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
