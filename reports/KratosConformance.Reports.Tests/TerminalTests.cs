using FluentAssertions;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Terminal;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

public sealed class TerminalTests
{
    [Test]
    public void Progress_prints_one_counted_line_per_test_with_the_first_failure_line()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, 40);

        progress.Report(SyntheticRun.Test("aal2", "spa", TestOutcome.Passed));
        progress.Report(SyntheticRun.Test("wrong-code", "browser", TestOutcome.Failed, "message 4010008 missing\nExpected: [4010008]"));

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "[ 1/40] ✓ login.code-mfa.aal2.spa  (143 ms)",
            "[ 2/40] ✗ login.code-mfa.wrong-code.browser  (143 ms)  message 4010008 missing");
    }

    [Test]
    public void Final_table_aligns_columns_and_ends_with_the_verdict()
    {
        var run = SyntheticRun.Result("v26.2.0",
            SyntheticRun.Test("aal2", "browser", TestOutcome.Passed),
            SyntheticRun.Test("aal2", "spa", TestOutcome.ExpectedFailure),
            SyntheticRun.Test("wrong-code", "browser", TestOutcome.Failed),
            SyntheticRun.Test("wrong-code", "spa", TestOutcome.NotApplicable));

        var table = FinalTable.Render(run, ConsoleStyle.Plain);

        table.Should().Be(
            "scenario    browser  spa\n" +
            "---------------------------------\n" +
            "aal2        ✓        ✗ (expected)\n" +
            "wrong-code  ✗        n.a.\n" +
            "\n" +
            "FAILED: 1 failed, 1 passed, 1 not applicable, 1 expected failure (4 tests)\n");
    }

    [Test]
    public void Colour_only_wraps_the_cell_text()
    {
        var run = SyntheticRun.Result("v26.2.0", SyntheticRun.Test("aal2", "browser", TestOutcome.Passed));

        FinalTable.Render(run, new ConsoleStyle(useColor: true)).Should().Contain("\u001b[32m✓\u001b[0m");
    }
}
