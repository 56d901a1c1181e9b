using System.Text;

namespace KratosConformance.Reports.Compare;

/// <summary>The plain-text rendering `./kc compare` prints to the console.</summary>
public static class ComparisonTextWriter
{
    public static string Render(RunComparison c)
    {
        var text = new StringBuilder();
        text.Append("A: ").Append(ComparisonText.Run(c.RunA)).Append("  ").Append(c.DirectoryA).Append('\n');
        text.Append("B: ").Append(ComparisonText.Run(c.RunB)).Append("  ").Append(c.DirectoryB).Append('\n');
        text.Append(ComparisonText.Headline(c)).Append('\n');
        Section(text, "Outcome changes", c.OutcomeChanges.Select(ComparisonText.Outcome));
        Section(text, "Only in A", c.OnlyInA.Select(t => t.Id));
        Section(text, "Only in B", c.OnlyInB.Select(t => t.Id));
        Section(text, "Reworded messages", c.MessageTextChanges.Select(m =>
            $"{m.MessageId}:\n      A: {ComparisonText.Text(m.TextsA)}\n      B: {ComparisonText.Text(m.TextsB)}"));
        Section(text, "Check changes", c.CheckChanges.Select(ch => ch.ToString()));
        if (c.TestDiffs.Count > 0)
        {
            text.Append("\nStep changes\n");
            foreach (var test in c.TestDiffs)
            {
                text.Append("  ").Append(test.Id).Append($"  ({test.HttpStepsA} → {test.HttpStepsB} HTTP steps)\n");
                foreach (var step in test.Steps)
                {
                    text.Append("    ").Append(ComparisonText.Step(step)).Append('\n');
                    foreach (var change in step.Changes)
                    {
                        text.Append("      ").Append(change.Describe()).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append('\n');
        foreach (var line in list)
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }
}
