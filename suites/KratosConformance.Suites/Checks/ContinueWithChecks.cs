using System.Text.Json.Nodes;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The SPA success body tells the app where to send the browser: continue_with holds an action
/// <c>redirect_browser_to</c> (spec §2.14 step 5, [T] in strategy_login_test.go). Without it an SPA has no target.
/// </summary>
public static class ContinueWithChecks
{
    public static void RedirectBrowserTo(Observation o)
    {
        var items = o.Response.ContinueWith?.OfType<JsonObject>().ToList() ?? [];
        var redirect = items.FirstOrDefault(i => (string?)i["action"] == "redirect_browser_to");
        if (redirect is null || string.IsNullOrEmpty((string?)redirect["redirect_browser_to"]))
        {
            var actions = items.Select(i => (string?)i["action"] ?? "(no action)");
            Check.Fail(CheckFailure.About(
                o,
                "continue_with lacks redirect_browser_to",
                "continue_with",
                "contain {action: redirect_browser_to, redirect_browser_to: <return_to or default>} (spec §2.14 step 5, SPA)",
                "found " + Check.List(actions),
                "[redirect_browser_to]",
                o.Response.ContinueWith?.ToJsonString() ?? "(no continue_with)"));
        }
    }
}
