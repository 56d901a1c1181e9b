using System.Text.RegularExpressions;

namespace KratosConformance.Harness.Tests.Ui;

/// <summary>Finds rendered elements by test id in the reference UI's HTML, which it writes one tag per line.</summary>
internal static partial class HtmlTags
{
    /// <summary>Every opening tag (with its text up to the closing tag, for buttons and messages) carrying the test id.</summary>
    public static IReadOnlyList<string> WithTestId(string html, string testId) =>
        Element().Matches(html)
            .Select(m => m.Value)
            .Where(tag => tag.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal))
            .ToList();

    /// <summary>The HTML between the opening and closing tag of the form for <paramref name="group"/>.</summary>
    public static string Form(string html, string group)
    {
        var start = html.IndexOf($"data-testid=\"ui/form/{group}\"", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    // An opening tag plus, for elements with text content, everything up to their closing tag on the same line.
    [GeneratedRegex(@"<(?<tag>[a-z0-9]+)\b[^>]*>(?:[^<\n]*</\k<tag>>)?")]
    private static partial Regex Element();
}
