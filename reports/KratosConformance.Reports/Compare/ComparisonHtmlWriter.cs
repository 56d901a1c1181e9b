using System.Text;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Compare;

/// <summary>compare.html: the comparison as one self-contained page (inline CSS, no external assets).</summary>
public static class ComparisonHtmlWriter
{
    public const string FileName = "compare.html";

    public static string Render(RunComparison c)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kratos conformance: compare ")
            .Append(HtmlText.Encode(c.RunA.RunId + " → " + c.RunB.RunId)).Append("</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>Run comparison</h1>\n<p>A: ").Append(HtmlText.Encode(ComparisonText.Run(c.RunA)))
            .Append("<br>B: ").Append(HtmlText.Encode(ComparisonText.Run(c.RunB))).Append("</p>\n<p><strong>")
            .Append(HtmlText.Encode(ComparisonText.Headline(c))).Append("</strong></p>\n");
        List(html, "Outcome changes", c.OutcomeChanges.Select(ComparisonText.Outcome));
        List(html, "Only in A", c.OnlyInA.Select(t => t.Id));
        List(html, "Only in B", c.OnlyInB.Select(t => t.Id));
        if (c.MessageTextChanges.Count > 0)
        {
            html.Append("<h2>Reworded messages</h2><table><tr><th>id</th><th>A</th><th>B</th></tr>\n");
            foreach (var m in c.MessageTextChanges)
            {
                html.Append("<tr><td>").Append(m.MessageId).Append("</td><td class=\"a\">").Append(HtmlText.Encode(ComparisonText.Text(m.TextsA)))
                    .Append("</td><td class=\"b\">").Append(HtmlText.Encode(ComparisonText.Text(m.TextsB))).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (c.TestDiffs.Count > 0)
        {
            html.Append("<h2>Step changes</h2>\n");
        }

        foreach (var test in c.TestDiffs)
        {
            html.Append("<details open><summary>").Append(HtmlText.Encode($"{test.Id} ({test.HttpStepsA} → {test.HttpStepsB} HTTP steps)"))
                .Append("</summary><ul>\n");
            foreach (var step in test.Steps)
            {
                html.Append("<li class=\"").Append(step.Kind switch { StepDiffKind.OnlyInA => "a", StepDiffKind.OnlyInB => "b", _ => "c" })
                    .Append("\">").Append(HtmlText.Encode(ComparisonText.Step(step)));
                if (step.Changes.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var change in step.Changes)
                    {
                        html.Append("<li><code>").Append(HtmlText.Encode(change.Describe())).Append("</code></li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul></details>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    public static async Task<string> WriteAsync(RunComparison comparison, string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        await ReportFile.WriteAsync(path, Render(comparison), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private const string Style =
        "body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;padding:1em 2em;max-width:1300px}" +
        "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3em .6em;vertical-align:top}" +
        ".a{color:#cf222e}.b{color:#1a7f37}code{white-space:pre-wrap}details{margin:.5em 0}summary{cursor:pointer;font-weight:600}";

    private static void List(StringBuilder html, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(HtmlText.Encode(title)).Append("</h2><ul>");
        foreach (var item in list)
        {
            html.Append("<li>").Append(HtmlText.Encode(item)).Append("</li>");
        }

        html.Append("</ul>\n");
    }
}
