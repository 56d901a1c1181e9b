namespace KratosConformance.Suites.Checks;

/// <summary>
/// Where a browser's 303 leads (spec §3): into the flow (login UI), to the error UI, or out of the login. A browser
/// app follows the Location blindly, so the target is the outcome the user sees.
/// </summary>
public static class RedirectChecks
{
    public static readonly CheckDefinition LeavesLogin = new("redirect.leaves-login", "a completed login's 303 leads neither to the login UI nor to the error UI", "http.Location");
    public static readonly CheckDefinition LocationIs = new("redirect.location", "the 303's Location is the page the spec names (return_to, or the configured return URL)", "http.Location");
    public static readonly CheckDefinition ToAal2 = new("redirect.aal2-login", "the 303 after the password leads to the aal2 browser login", "http.Location");

    /// <summary>The redirect leads neither to the login UI with a flow nor to the error UI.</summary>
    public static void NotIntoFlow(Observation o, string why) =>
        Check.Verify(o, LeavesLogin, o.Response.Flow is null && o.Response.Error is null && !string.IsNullOrEmpty(o.Response.Location), new FailureText
        {
            Headline = "redirected into the login or error UI",
            Subject = "the redirect",
            Expectation = "leave the login",
            Why = why,
            Actual = "it led to " + (o.Response.Error is { } e ? "error " + (e.Id ?? "(no id)") : o.Response.Flow is not null ? "the login UI" : "nowhere (no Location)"),
            Expected = "Location: <a page outside the login>",
            Observed = "Location: " + (o.Response.Location ?? "(none)"),
        });

    /// <summary>The Location is <paramref name="expected"/> (scheme, host, path and query compared).</summary>
    public static void To(Observation o, Uri expected, string why)
    {
        var location = o.Response.Location;
        var matches = location is not null && Uri.TryCreate(expected, location, out var actual)
            && Uri.Compare(actual, expected, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        Check.Verify(o, LocationIs, matches, new FailureText
        {
            Headline = "redirected elsewhere",
            Subject = "the redirect",
            Expectation = "lead to " + expected.AbsoluteUri,
            Why = why,
            Actual = "it led to " + Check.Quote(location),
            Expected = expected.AbsoluteUri,
            Observed = location ?? "(no Location)",
        });
    }

    /// <summary>The Location is the public aal2 browser login (spec §3 last row, §4.2).</summary>
    public static void ToAal2Login(Observation o, Uri publicUrl, string why)
    {
        var location = o.Response.Location;
        Check.Verify(o, ToAal2, UrlChecks.IsAal2BrowserLogin(location, publicUrl), new FailureText
        {
            Headline = "not redirected to the aal2 login",
            Subject = "the redirect",
            Expectation = "lead to the aal2 browser login",
            Why = why,
            Actual = "it led to " + Check.Quote(location),
            Expected = UrlChecks.Aal2BrowserLogin(publicUrl),
            Observed = location ?? "(no Location)",
        });
    }
}
