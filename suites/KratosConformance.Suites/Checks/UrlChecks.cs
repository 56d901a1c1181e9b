using System.Web;

namespace KratosConformance.Suites.Checks;

/// <summary>URL comparisons for redirects; query parameters are compared by value, not by their order in the string.</summary>
public static class UrlChecks
{
    public static readonly CheckDefinition ReturnToCarried = new("redirect.return_to", "a redirect to the aal2 login carries the first flow's return_to", "http.Location", "errorBrowserLocationChangeRequired.redirect_browser_to");

    /// <summary><paramref name="target"/> carries return_to=<paramref name="returnTo"/> in its query (spec §4.2).</summary>
    public static void CarriesReturnTo(Observation o, string? target, string returnTo, string why)
    {
        var carried = Uri.TryCreate(target, UriKind.Absolute, out var uri)
            ? HttpUtility.ParseQueryString(uri.Query)["return_to"]
            : null;
        Check.Verify(o, ReturnToCarried, carried == returnTo, new FailureText
        {
            Headline = "return_to lost on the way to the aal2 login",
            Subject = "the aal2 login URL",
            Expectation = "carry return_to=" + returnTo,
            Why = why,
            Actual = "it carried " + Check.Quote(carried),
            Expected = returnTo,
            Observed = target ?? "(none)",
        });
    }

    /// <summary>The <c>flow</c> query parameter of <paramref name="location"/> (relative locations resolve against <paramref name="baseUrl"/>); null without one.</summary>
    public static string? FlowParameter(string? location, Uri baseUrl) =>
        !string.IsNullOrEmpty(location) && Uri.TryCreate(baseUrl, location, out var target)
            ? HttpUtility.ParseQueryString(target.Query)["flow"]
            : null;

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
