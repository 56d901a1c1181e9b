namespace KratosConformance.Reports.Writing;

/// <summary>Markdown helpers: table cells and code fences that survive whatever a failure message contains.</summary>
public static class MarkdownText
{
    public static string Cell(string? text) =>
        (text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>A fenced block whose fence is longer than any backtick run inside, so a message cannot close it.</summary>
    public static string CodeBlock(string? text)
    {
        var body = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + "text\n" + body + "\n" + fence + "\n";
    }
}
