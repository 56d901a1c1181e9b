using System.Text.Json.Nodes;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// continue_with tells a client what to do next (spec §2.14 step 5): an SPA gets an action <c>redirect_browser_to</c>
/// with the page the browser goes to (return_to or the default), without which it has no target; a native app gets
/// no browser redirect (it has no browser to send).
/// </summary>
public static class ContinueWithChecks
{
    public static readonly CheckDefinition RedirectBrowser = new("continue_with.redirect_browser_to", "an SPA's completed login carries continue_with [{action: redirect_browser_to, redirect_browser_to}]", "successfulNativeLogin.continue_with", "continueWithRedirectBrowserTo.action", "continueWithRedirectBrowserTo.redirect_browser_to");
    public static readonly CheckDefinition Target = new("continue_with.target", "redirect_browser_to is the flow's return_to, else the configured return URL after a code login", "continueWithRedirectBrowserTo.redirect_browser_to");
    public static readonly CheckDefinition NoBrowser = new("continue_with.no-browser-redirect", "a native login's continue_with holds no redirect_browser_to", "successfulNativeLogin.continue_with");

    /// <summary>continue_with holds a non-empty redirect_browser_to action; returns its target.</summary>
    public static string? RedirectBrowserTo(Observation o)
    {
        var items = Items(o);
        var target = (string?)items.FirstOrDefault(i => (string?)i["action"] == "redirect_browser_to")?["redirect_browser_to"];
        Check.Verify(o, RedirectBrowser, !string.IsNullOrEmpty(target), new FailureText
        {
            Headline = "continue_with lacks redirect_browser_to",
            Subject = "continue_with",
            Expectation = "contain {action: redirect_browser_to, redirect_browser_to: <return_to or default>}",
            Why = "spec §2.14 step 5, SPA",
            Actual = "found " + Check.List(items.Select(i => (string?)i["action"] ?? "(no action)")),
            Expected = "[redirect_browser_to]",
            Observed = o.Response.ContinueWith?.ToJsonString() ?? "(no continue_with)",
        });
        return target;
    }

    /// <summary>The SPA's redirect_browser_to is <paramref name="expected"/> (spec §2.14 step 5).</summary>
    public static void RedirectsTo(Observation o, Uri expected, string why)
    {
        var target = (string?)Items(o).FirstOrDefault(i => (string?)i["action"] == "redirect_browser_to")?["redirect_browser_to"];
        var matches = target is not null && Uri.TryCreate(target, UriKind.Absolute, out var actual)
            && Uri.Compare(actual, expected, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        Check.Verify(o, Target, matches, new FailureText
        {
            Headline = "continue_with redirects elsewhere",
            Subject = "continue_with redirect_browser_to",
            Expectation = "be " + expected.AbsoluteUri,
            Why = why,
            Actual = "it was " + Check.Quote(target),
            Expected = expected.AbsoluteUri,
            Observed = target ?? "(none)",
        });
    }

    /// <summary>A native login gets no redirect_browser_to (spec §2.14 step 5, API row: continue_with null).</summary>
    public static void NoBrowserRedirect(Observation o)
    {
        var actions = Items(o).Select(i => (string?)i["action"] ?? "(no action)").ToList();
        Check.Verify(o, NoBrowser, !actions.Contains("redirect_browser_to"), new FailureText
        {
            Headline = "native login told to redirect a browser",
            Subject = "continue_with",
            Expectation = "hold no redirect_browser_to",
            Why = "a native app has no browser; the API row of spec §2.14 step 5 answers continue_with null",
            Actual = "found " + Check.List(actions),
            Expected = "null or no redirect_browser_to",
            Observed = o.Response.ContinueWith?.ToJsonString() ?? "null",
        });
    }

    private static List<JsonObject> Items(Observation o) => o.Response.ContinueWith?.OfType<JsonObject>().ToList() ?? [];
}
