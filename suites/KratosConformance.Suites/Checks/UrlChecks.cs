using System.Web;

namespace KratosConformance.Suites.Checks;

/// <summary>URL comparisons for redirects; query parameters are compared by value, not by their order in the string.</summary>
public static class UrlChecks
{
    /// <summary><c>&lt;public&gt;self-service/login/browser?aal=aal2</c> (spec §4.1).</summary>
    public static string Aal2BrowserLogin(Uri publicUrl) => new Uri(publicUrl, "self-service/login/browser?aal=aal2").AbsoluteUri;

    /// <summary>True when <paramref name="target"/> is the public browser login endpoint with aal=aal2 (other parameters allowed).</summary>
    public static bool IsAal2BrowserLogin(string? target, Uri publicUrl)
    {
        if (target is null || !Uri.TryCreate(publicUrl, target, out var uri))
        {
            return false;
        }

        var expected = new Uri(publicUrl, "self-service/login/browser");
        return string.Equals(uri.GetLeftPart(UriPartial.Path), expected.GetLeftPart(UriPartial.Path), StringComparison.OrdinalIgnoreCase)
            && HttpUtility.ParseQueryString(uri.Query)["aal"] == "aal2";
    }
}
