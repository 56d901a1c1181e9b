using System.Text;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Html;

/// <summary>
/// Writes index.html: one self-contained page (inline CSS, no external assets) that explains every test without
/// rerunning: run metadata, the matrix (each cell links to its test), and per test its outcome, message and steps
/// read from evidence/&lt;id&gt;/steps.jsonl. Failed tests start open; everything else is collapsed.
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "index.html";

    public static string Render(RunResult result, string runDirectory)
    {
        var html = new StringBuilder();
        var verdict = RunVerdict.Of(result);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(HtmlText.Encode("Kratos conformance " + result.Run.RunId + ": " + verdict.Line)).Append("</title>")
            .Append("<style>").Append(HtmlAssets.Style).Append("</style><script>").Append(HtmlAssets.Script).Append("</script></head><body>\n");
        html.Append("<h1 class=\"verdict-").Append(verdict.Wire).Append("\">")
            .Append(HtmlText.Encode(ReportBanners.VerdictSymbol(verdict) + verdict.Line)).Append("</h1>\n");
        foreach (var banner in ReportBanners.Of(result))
        {
            html.Append("<p class=\"banner\">").Append(HtmlText.Encode(banner)).Append("</p>\n");
        }

        HtmlRunHeader.Render(html, result.Run);
        RenderMatrix(html, OutcomeMatrix.Of(result.Tests));
        html.Append("<p>Checks: ").Append(result.Tests.Sum(t => t.Checks.Count)).Append(" evaluations of ")
            .Append(result.Tests.SelectMany(t => t.Checks).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count()).Append(" checks; ")
            .Append(result.Tests.SelectMany(t => t.Checks).Count(c => c.Outcome == Evidence.CheckOutcome.Passed)).Append(" passed")
            .Append(result.FieldCoverage is null ? string.Empty : " · <a href=\"#field-coverage\">field coverage</a>").Append("</p>\n");
        html.Append("<h2>Tests</h2>\n");
        foreach (var test in result.Tests)
        {
            RenderTest(html, test, runDirectory);
        }

        HtmlCheckRenderer.RenderCoverage(html, result.FieldCoverage);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    public static async Task<string> WriteAsync(RunResult result, string runDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(runDirectory, FileName);
        await ReportFile.WriteAsync(path, Render(result, runDirectory), cancellationToken).ConfigureAwait(false);
        return path;
    }

    // Factor × scenario × client: the factor cell spans its rows, each row a flow and a scenario (from the test ids).
    private static void RenderMatrix(StringBuilder html, OutcomeMatrix matrix)
    {
        html.Append("<table class=\"matrix\"><thead><tr><th>factor</th><th>flow</th><th>scenario</th>");
        foreach (var client in matrix.Clients)
        {
            html.Append("<th>").Append(HtmlText.Encode(client)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var group in matrix.Rows.GroupBy(r => r.Factor))
        {
            var first = true;
            foreach (var row in group)
            {
                html.Append("<tr>");
                if (first)
                {
                    html.Append("<th scope=\"rowgroup\" rowspan=\"").Append(group.Count()).Append("\" data-factor=\"").Append(HtmlText.Encode(row.Factor)).Append("\">")
                        .Append(HtmlText.Encode(row.Factor)).Append("</th>");
                    first = false;
                }

                html.Append("<td>").Append(HtmlText.Encode(row.Flow)).Append("</td><td>").Append(HtmlText.Encode(row.Scenario)).Append("</td>");
                foreach (var client in matrix.Clients)
                {
                    html.Append("<td>");
                    if (matrix.Cell(row.Key, client) is { } test)
                    {
                        html.Append("<a class=\"").Append(OutcomeSymbols.WireName(test.Outcome)).Append("\" href=\"#")
                            .Append(HtmlText.TestAnchor(test.Id)).Append("\" title=\"").Append(HtmlText.Encode(test.Id)).Append("\">")
                            .Append(HtmlText.Encode(OutcomeSymbols.Cell(test.Outcome))).Append("</a>");
                    }

                    html.Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
    }

    private static void RenderTest(StringBuilder html, TestResult test, string runDirectory)
    {
        var outcome = OutcomeSymbols.WireName(test.Outcome);
        html.Append("<details class=\"test\" id=\"").Append(HtmlText.TestAnchor(test.Id)).Append('"')
            .Append(test.Outcome == TestOutcome.Failed ? " open" : "").Append("><summary><span class=\"").Append(outcome).Append("\">")
            .Append(HtmlText.Encode(OutcomeSymbols.Cell(test.Outcome))).Append("</span> ").Append(HtmlText.Encode(test.Id))
            .Append(" <span class=\"meta\">(").Append(HtmlText.Encode(RunHeadline.DurationMs(test.DurationMs))).Append(")</span></summary>\n");
        if (test.Summary is not null)
        {
            html.Append("<p>").Append(HtmlText.Encode(test.Summary)).Append("</p>\n");
        }

        html.Append("<p>Outcome: <span class=\"").Append(outcome).Append("\">").Append(outcome).Append("</span></p>\n");
        if (test.Message is not null)
        {
            html.Append("<pre>").Append(HtmlText.Encode(test.Message)).Append("</pre>\n");
        }

        if (test.BaselineNote is not null)
        {
            html.Append("<p>Baseline: ").Append(HtmlText.Encode(test.BaselineNote)).Append("</p>\n");
        }

        HtmlCheckRenderer.RenderChecks(html, test);
        var evidenceDirectory = test.EvidenceDirectory ?? RunDirectory.RelativeEvidenceDirectory(test.Id);
        // Check steps are listed in the checks table above; the steps below are the wire (HTTP, mail, notes).
        foreach (var step in EvidenceIndex.ReadSteps(test, runDirectory).Where(s => s.Check is null))
        {
            HtmlStepRenderer.Render(html, step, evidenceDirectory);
        }

        RenderFiles(html, test);
        html.Append("</details>\n");
    }

    /// <summary>Links to every evidence file (transcripts, screenshots, traces, page HTML), relative to index.html.</summary>
    private static void RenderFiles(StringBuilder html, TestResult test)
    {
        if (test.EvidenceFiles.Count == 0)
        {
            return;
        }

        html.Append("<details class=\"sub\"><summary>files (").Append(test.EvidenceFiles.Count).Append(")</summary><ul class=\"files\">");
        foreach (var file in test.EvidenceFiles)
        {
            html.Append("<li><a href=\"").Append(HtmlText.RelativeHref(file)).Append("\">").Append(HtmlText.Encode(file)).Append("</a></li>");
        }

        html.Append("</ul></details>\n");
    }
}
