using System.Globalization;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Terminal;

/// <summary>
/// Live progress: one line per finished test, e.g. <c>[ 12/40] ✓ login.code-mfa.aal2.spa  (143 ms)</c>; a failure
/// adds the first line of its message so the CI log shows what broke while the run goes on. Safe to call from
/// parallel tests.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, int total, ConsoleStyle style)
{
    private readonly Lock _gate = new();
    private int _finished;

    public ConsoleProgress(TextWriter output, int total)
        : this(output, total, ConsoleStyle.Plain)
    {
    }

    public int Finished => Volatile.Read(ref _finished);

    public void Report(TestResult test)
    {
        lock (_gate)
        {
            _finished++;
            output.WriteLine(FormatLine(_finished, total, test, style));
            output.Flush();
        }
    }

    public static string FormatLine(int index, int total, TestResult test, ConsoleStyle style)
    {
        var width = Math.Max(2, total.ToString(CultureInfo.InvariantCulture).Length);
        var counter = "[" + index.ToString(CultureInfo.InvariantCulture).PadLeft(width) + "/" + total.ToString(CultureInfo.InvariantCulture) + "]";
        var line = $"{counter} {style.Outcome(test.Outcome, Symbol(test.Outcome))} {test.Id}  {style.Dim("(" + RunHeadline.DurationMs(test.DurationMs) + ")")}";
        var detail = test.Outcome switch
        {
            TestOutcome.Failed => OutcomeSymbols.FirstLine(test.Message ?? test.BaselineNote),
            TestOutcome.NotApplicable => OutcomeSymbols.FirstLine(test.Message),
            TestOutcome.ExpectedFailure => "expected failure: " + OutcomeSymbols.FirstLine(test.BaselineNote ?? test.Message),
            TestOutcome.Interrupted => OutcomeSymbols.FirstLine(test.Message),
            _ => "",
        };
        return detail.Length == 0 ? line : line + "  " + detail;
    }

    /// <summary>One column wide so ids line up; the matrix uses the longer forms.</summary>
    private static string Symbol(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "✓",
        TestOutcome.Failed => "✗",
        TestOutcome.NotApplicable => "-",
        TestOutcome.ExpectedFailure => "x",
        TestOutcome.Interrupted => "!",
        _ => "?",
    };
}
