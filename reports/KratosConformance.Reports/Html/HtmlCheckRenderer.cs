using System.Text;
using KratosConformance.Reports.Coverage;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Html;

/// <summary>
/// The checks of a test (what was verified: id, condition, why, what came back, grouped by id with a count) and the
/// run's field-coverage table. Passed checks are evidence too (the OpenID conformance suite's model), so a reviewer
/// sees what a green test verified without reading the suite's code.
/// </summary>
internal static class HtmlCheckRenderer
{
    public static void RenderChecks(StringBuilder html, TestResult test)
    {
        if (test.Checks.Count == 0)
        {
            return;
        }

        var passed = test.Checks.Count(c => c.Outcome == CheckOutcome.Passed);
        var failed = test.Checks.Count(c => c.Outcome == CheckOutcome.Failed);
        var warned = test.Checks.Count(c => c.Outcome == CheckOutcome.Warned);
        html.Append("<details class=\"sub checks\"").Append(failed > 0 ? " open" : string.Empty).Append("><summary>checks: ")
            .Append(passed).Append(" passed, ").Append(failed).Append(" failed, ").Append(warned).Append(" warned (")
            .Append(test.Checks.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count()).Append(" distinct)</summary>\n")
            .Append("<table class=\"checks\"><thead><tr><th></th><th>check</th><th>condition</th><th>why</th><th>when</th><th>observed</th></tr></thead><tbody>\n");
        foreach (var check in test.Checks)
        {
            var outcome = check.Outcome.ToString().ToLowerInvariant();
            html.Append("<tr class=\"check-").Append(outcome).Append("\"><td>").Append(Symbol(check.Outcome)).Append("</td><td><code>")
                .Append(HtmlText.Encode(check.Id)).Append("</code></td><td>").Append(HtmlText.Encode(check.Condition)).Append("</td><td>")
                .Append(HtmlText.Encode(check.Why ?? string.Empty)).Append("</td><td>").Append(HtmlText.Encode(check.Situation ?? string.Empty))
                .Append("</td><td>").Append(HtmlText.Encode(Shorten(check.Observed))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></details>\n");
    }

    public static void RenderCoverage(StringBuilder html, IReadOnlyList<FieldCoverageRow>? coverage)
    {
        if (coverage is null)
        {
            return;
        }

        var gaps = coverage.Count(r => r.Status == FieldStatus.Gap);
        html.Append("<h2 id=\"field-coverage\">Field coverage</h2>\n<p>")
            .Append(coverage.Count).Append(" documented fields: ")
            .Append(string.Join(", ", Enum.GetValues<FieldStatus>().Select(s => coverage.Count(r => r.Status == s) + " " + Wire(s))))
            .Append(gaps == 0 ? ". No unexplained gap." : ". Gaps are findings: a documented field no check reads and no exemption names.").Append("</p>\n")
            .Append("<details class=\"sub\"").Append(gaps > 0 ? " open" : string.Empty).Append("><summary>the table</summary>")
            .Append("<table class=\"checks\"><thead><tr><th>field</th><th>status</th><th>checks (evaluations in this run)</th><th>reason</th></tr></thead><tbody>\n");
        foreach (var row in coverage)
        {
            html.Append("<tr class=\"field-").Append(Wire(row.Status)).Append("\"><td><code>").Append(HtmlText.Encode(row.Field)).Append("</code></td><td>")
                .Append(Wire(row.Status)).Append("</td><td>").Append(HtmlText.Encode(string.Join(", ", row.Checks)))
                .Append(row.Checks.Count > 0 ? " (" + row.Evaluations + ")" : string.Empty).Append("</td><td>")
                .Append(HtmlText.Encode(row.Reason ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></details>\n");
    }

    public static string Wire(FieldStatus status) => status switch
    {
        FieldStatus.NotRun => "not-run",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Symbol(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "✓",
        CheckOutcome.Failed => "✗",
        _ => "!",
    };

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 160 ? text : text[..157] + "…";
}
