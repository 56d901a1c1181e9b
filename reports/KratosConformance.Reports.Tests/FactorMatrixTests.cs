using FluentAssertions;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

/// <summary>
/// The report matrix is factor × scenario × client, read from the stable test ids: rows grouped by factor in the
/// documented order (code-mfa, totp, lookup-secret, …, mixed, then unknown factors alphabetically, ids off the contract
/// last as "other"), flow and scenario apart, the same rows in summary.md and index.html, and per-factor totals.
/// </summary>
[TestFixture]
public sealed class FactorMatrixTests
{
    private static readonly TestResult[] Tests =
    [
        Result("login.mixed.aal2-screen", "spa", TestOutcome.Passed),
        Result("login.totp.aal2", "browser", TestOutcome.Passed),
        Result("aal2", "browser", TestOutcome.Passed),
        Result("settings.totp.enrol", "browser-ui", TestOutcome.Failed),
        Result("login.zeta-factor.aal2", "native", TestOutcome.Passed),
        Result("login.totp.aal2", "browser-ui", TestOutcome.Passed),
        Result("settings.lookup-secret.lifecycle", "native", TestOutcome.NotApplicable),
        Result("aal2", "spa", TestOutcome.Passed),
        new() { Id = "custom-check.browser", Scenario = "custom-check", Client = "browser", Outcome = TestOutcome.Passed },
    ];

    [Test]
    public void Rows_group_scenarios_by_factor_in_the_documented_order()
    {
        var matrix = OutcomeMatrix.Of(Tests);

        matrix.Rows.Select(r => $"{r.Factor}|{r.Flow}|{r.Scenario}").Should().Equal(
            "code-mfa|login|aal2",
            "totp|login|aal2",
            "totp|settings|enrol",
            "lookup-secret|settings|lifecycle",
            "mixed|login|aal2-screen",
            "zeta-factor|login|aal2",
            "other||custom-check");
        matrix.Cell(matrix.Rows[1].Key, "browser-ui")!.Id.Should().Be("login.totp.aal2.browser-ui");
        matrix.Clients.Should().Equal("browser", "spa", "native", "browser-ui");
    }

    [Test]
    public void Factor_totals_count_each_factors_outcomes()
    {
        OutcomeMatrix.Of(Tests).FactorTotals.Should().Contain([("totp", 3, 2, 1, 0), ("lookup-secret", 1, 0, 0, 1), ("code-mfa", 2, 2, 0, 0)]);
    }

    [Test]
    public void Summary_markdown_shows_factor_flow_and_scenario_columns()
    {
        var md = SummaryMarkdownWriter.Render(SyntheticRun.Result("v26.2.0", Tests));

        md.Should().Contain("| factor | flow | scenario | browser | spa | native | browser-ui |\n|---|---|---|:---:|:---:|:---:|:---:|\n| code-mfa | login | aal2 | ✓ | ✓ |  |  |\n| totp | login | aal2 | ✓ |  |  | ✓ |\n| totp | settings | enrol |  |  |  | ✗ |\n");
        md.Should().Contain("| other |  | custom-check | ✓ |  |  |  |");
        md.Should().Contain("By factor: code-mfa 2/2 passed · totp 2/3 passed, 1 failed · lookup-secret 0/1 passed, 1 n.a. · mixed 1/1 passed");
    }

    [Test]
    public void Html_matrix_spans_each_factor_over_its_rows_and_links_every_cell()
    {
        var html = SyntheticRun.RenderHtml(SyntheticRun.Result("v26.2.0", Tests));

        html.Should().Contain("<th>factor</th><th>flow</th><th>scenario</th><th>browser</th><th>spa</th><th>native</th><th>browser-ui</th>");
        html.Should().Contain("<tr><th scope=\"rowgroup\" rowspan=\"2\" data-factor=\"totp\">totp</th><td>login</td><td>aal2</td>");
        html.Should().Contain("<tr><td>settings</td><td>enrol</td><td></td><td></td><td></td><td><a class=\"failed\" href=\"#test-settings.totp.enrol.browser-ui\"");
        html.IndexOf("data-factor=\"code-mfa\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("data-factor=\"totp\"", StringComparison.Ordinal));
    }

    private static TestResult Result(string scenario, string client, TestOutcome outcome) =>
        new() { Id = TestId.Of(scenario, client), Scenario = scenario, Client = client, Outcome = outcome, DurationMs = 10 };
}
