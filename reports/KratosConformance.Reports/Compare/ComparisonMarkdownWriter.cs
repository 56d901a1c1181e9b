using System.Text;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Compare;

/// <summary>compare.md: the comparison for a pull request or a CI step summary.</summary>
public static class ComparisonMarkdownWriter
{
    public const string FileName = "compare.md";

    public static string Render(RunComparison c)
    {
        var md = new StringBuilder("## Kratos conformance: run comparison\n\n");
        md.Append("- A: ").Append(MarkdownText.Cell(ComparisonText.Run(c.RunA))).Append('\n');
        md.Append("- B: ").Append(MarkdownText.Cell(ComparisonText.Run(c.RunB))).Append("\n\n");
        md.Append(MarkdownText.Cell(ComparisonText.Headline(c))).Append("\n\n");
        if (c.OutcomeChanges.Count > 0)
        {
            md.Append("### Outcome changes\n\n| test | A | B |\n|---|---|---|\n");
            foreach (var o in c.OutcomeChanges)
            {
                md.Append("| `").Append(o.Id).Append("` | ").Append(OutcomeSymbols.Cell(o.Before)).Append(" | ")
                    .Append(OutcomeSymbols.Cell(o.After)).Append(" |\n");
            }

            md.Append('\n');
        }

        List(md, "Only in A", c.OnlyInA.Select(t => "`" + t.Id + "`"));
        List(md, "Only in B", c.OnlyInB.Select(t => "`" + t.Id + "`"));
        if (c.MessageTextChanges.Count > 0)
        {
            md.Append("### Reworded messages\n\n| id | A | B |\n|---|---|---|\n");
            foreach (var m in c.MessageTextChanges)
            {
                md.Append("| ").Append(m.MessageId).Append(" | ").Append(MarkdownText.Cell(ComparisonText.Text(m.TextsA)))
                    .Append(" | ").Append(MarkdownText.Cell(ComparisonText.Text(m.TextsB))).Append(" |\n");
            }

            md.Append('\n');
        }

        if (c.CheckChanges.Count > 0)
        {
            md.Append("### Check changes\n\n| test | check | A | B |\n|---|---|---|---|\n");
            foreach (var ch in c.CheckChanges)
            {
                md.Append("| `").Append(ch.TestId).Append("` | `").Append(ch.CheckId).Append("` | ").Append(ch.InA).Append(" | ").Append(ch.InB).Append(" |\n");
            }

            md.Append('\n');
        }

        foreach (var test in c.TestDiffs)
        {
            md.Append("### `").Append(test.Id).Append($"` ({test.HttpStepsA} → {test.HttpStepsB} HTTP steps)\n\n");
            foreach (var step in test.Steps)
            {
                md.Append("- ").Append(MarkdownText.Cell(ComparisonText.Step(step))).Append('\n');
                foreach (var change in step.Changes)
                {
                    md.Append("  - ").Append(MarkdownText.Cell(change.Describe())).Append('\n');
                }
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    public static async Task<string> WriteAsync(RunComparison comparison, string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        await ReportFile.WriteAsync(path, Render(comparison), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static void List(StringBuilder md, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.Append("### ").Append(title).Append("\n\n");
        foreach (var item in list)
        {
            md.Append("- ").Append(item).Append('\n');
        }

        md.Append('\n');
    }
}
