namespace KratosConformance.Suites.Checks;

/// <summary>
/// Where a browser's 303 leads (spec §3): into the flow (login UI), to the error UI, or out of the login. A browser
/// app follows the Location blindly, so the target is the outcome the user sees.
/// </summary>
public static class RedirectChecks
{
    /// <summary>The redirect leads neither to the login UI with a flow nor to the error UI.</summary>
    public static void NotIntoFlow(Observation o, string why)
    {
        if (o.Response.Flow is not null || o.Response.Error is not null)
        {
            Check.Fail(CheckFailure.About(
                o,
                "redirected into the login or error UI",
                "the redirect",
                "leave the login (" + why + ")",
                "it led to " + (o.Response.Error is { } e ? "error " + (e.Id ?? "(no id)") : "the login UI"),
                "Location: <a page outside the login>",
                "Location: " + (o.Response.Location ?? "(none)")));
        }
    }

    /// <summary>The Location is <paramref name="expected"/> (scheme, host, path and query compared).</summary>
    public static void To(Observation o, Uri expected, string why)
    {
        var location = o.Response.Location;
        var matches = location is not null && Uri.TryCreate(expected, location, out var actual)
            && Uri.Compare(actual, expected, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        if (!matches)
        {
            Check.Fail(CheckFailure.About(
                o,
                "redirected elsewhere",
                "the redirect",
                "lead to " + expected.AbsoluteUri + " (" + why + ")",
                "it led to " + Check.Quote(location),
                expected.AbsoluteUri,
                location ?? "(no Location)"));
        }
    }

    /// <summary>The Location is the public aal2 browser login (spec §3 last row, §4.2).</summary>
    public static void ToAal2Login(Observation o, Uri publicUrl, string why)
    {
        var location = o.Response.Location;
        if (!UrlChecks.IsAal2BrowserLogin(location, publicUrl))
        {
            Check.Fail(CheckFailure.About(
                o,
                "not redirected to the aal2 login",
                "the redirect",
                "lead to the aal2 browser login (" + why + ")",
                "it led to " + Check.Quote(location),
                UrlChecks.Aal2BrowserLogin(publicUrl),
                location ?? "(no Location)"));
        }
    }
}
