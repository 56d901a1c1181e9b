using System.Net;
using System.Text.RegularExpressions;
using KratosConformance.Client.Evidence;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Masks a page's HTML before it is written as evidence. The recorder's masker knows JSON, forms and headers; in
/// HTML the CSRF token sits in an input's value attribute, which it would miss (style principle 6).
/// </summary>
internal static partial class PageHtml
{
    public static string Mask(string html, SecretMasker masker)
    {
        if (masker.Reveal)
        {
            return html;
        }

        // MaskValue also remembers the token, so the same value elsewhere on the page (a JSON dump) is masked too.
        var masked = SecretInput().Replace(html, tag => Value().Replace(
            tag.Value,
            v => $"value=\"{masker.MaskValue(WebUtility.HtmlDecode(v.Groups["v"].Value))}\""));
        return masker.Mask(masked);
    }

    // <input … name="csrf_token" …> and name="password": the fields whose value is a secret.
    [GeneratedRegex("""<input\b[^>]*\bname="(?:csrf_token|password)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInput();

    [GeneratedRegex("value=\"(?<v>[^\"]*)\"")]
    private static partial Regex Value();
}
