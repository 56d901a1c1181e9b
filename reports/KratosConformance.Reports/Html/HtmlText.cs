using System.Net;

namespace KratosConformance.Reports.Html;

/// <summary>
/// Escaping for the HTML reports. Every piece of evidence goes through here: response bodies and Kratos messages are
/// attacker-influenced text, and a report must show a &lt;script&gt; in a body, never run it.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An href to a file of the run, relative to index.html; each segment URL-encoded, then HTML-encoded.</summary>
    public static string RelativeHref(string relativePath) =>
        Encode(string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)));

    /// <summary>The element id of a test's section: index.html#test-&lt;id&gt; (ids are [a-z0-9.-], safe as is).</summary>
    public static string TestAnchor(string testId) => "test-" + Encode(testId);
}
