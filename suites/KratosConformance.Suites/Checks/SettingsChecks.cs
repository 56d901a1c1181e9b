using System.Globalization;
using System.Web;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The settings flow's answers (factors spec §3.3, §4.3, §7): where each client style is sent or what it is given,
/// the flow's state and owner, the SPA's continue_with after a success, and the login a too-weak or too-old session is
/// sent to (aal2 login, §7.2; refresh login, §7.4).
/// </summary>
public static class SettingsChecks
{
    public static readonly CheckDefinition Answer = new("settings.response", "a settings step answers the browser with a 303 to the settings UI (?flow=<id>, the flow fetchable) and JSON clients with the status the spec gives and the settings flow", "settingsFlow", "settingsFlow.ui", "http.Location");
    public static readonly CheckDefinition StateIs = new("settings.state", "state is show_form until an update succeeds, then success", "settingsFlow.state");
    public static readonly CheckDefinition Owner = new("settings.identity", "the settings flow belongs to the signed-in identity", "settingsFlow.identity", "settingsFlow.id");
    public static readonly CheckDefinition ContinueWith = new("settings.continue_with", "an SPA's successful update carries continue_with redirect_browser_to the settings UI with the flow (or return_to)", "settingsFlow.continue_with");
    public static readonly CheckDefinition ToLogin = new("settings.redirect.login", "a session too weak (aal) or too old (privileged window) is sent to the browser login with aal=aal2 or refresh=true and return_to", "http.Location");

    /// <summary>
    /// The answer carries the settings flow: browser 303 to the settings UI (the client fetched the flow), SPA and
    /// native <paramref name="jsonStatus"/> with the flow. Returns the flow.
    /// </summary>
    public static LoginFlow Flow(Observation o, ClientStyle style, int jsonStatus, Uri? settingsUi, string why)
    {
        var r = o.Response;
        var expected = style == ClientStyle.Browser ? "303 to " + (settingsUi?.AbsoluteUri ?? "the settings UI") + "?flow=<id>, the flow fetchable" : jsonStatus.ToString(CultureInfo.InvariantCulture) + " with the settings flow";
        var toUi = style != ClientStyle.Browser || (r.Status == 303 && r.Location is { } l && settingsUi is not null && l.StartsWith(settingsUi.AbsoluteUri + "?flow=", StringComparison.Ordinal));
        var ok = r.Flow is not null && toUi && (style == ClientStyle.Browser ? r.Status == 303 : r.Status == jsonStatus);
        var text = new FailureText
        {
            Headline = "no settings flow in the answer",
            Subject = "the answer",
            Expectation = "be " + expected,
            Why = why,
            Actual = "it was " + r.Describe(),
            Expected = expected,
            Observed = r.Describe(),
        };
        Check.Must(o, Answer, ok, text);
        return r.Flow!;
    }

    /// <summary>The settings flow's state is <paramref name="expected"/> (show_form or success).</summary>
    public static void State(Observation o, string expected, string why)
    {
        var state = FlowChecks.Flow(o).State;
        Check.Verify(o, StateIs, state == expected, new FailureText
        {
            Headline = "settings state " + state + " instead of " + expected,
            Subject = "the settings flow's state",
            Expectation = "be " + expected,
            Why = why,
            Actual = "it was " + Check.Quote(state),
            Expected = expected,
            Observed = state,
        });
    }

    /// <summary>The flow's identity is <paramref name="identityId"/> (factors spec §1.5: another identity's flow is refused).</summary>
    public static void OwnedBy(Observation o, string identityId)
    {
        var flow = FlowChecks.Flow(o);
        var owner = JsonRead.Str(JsonRead.Obj(flow.Raw, "identity"), "id");
        Check.Verify(o, Owner, owner == identityId && flow.Id.Length > 0, new FailureText
        {
            Headline = "settings flow of another identity",
            Subject = "the settings flow's identity.id",
            Expectation = "be the signed-in identity " + identityId,
            Why = "a settings flow is the session identity's, factors spec §1.5 (security_identity_mismatch otherwise)",
            Actual = "it was " + Check.Quote(owner),
            Expected = identityId,
            Observed = owner ?? "(none)",
        });
    }

    /// <summary>An SPA's successful update carries continue_with redirect_browser_to <paramref name="expected"/> (factors spec §7.5).</summary>
    public static void ContinuesTo(Observation o, string expected)
    {
        var target = JsonRead.Arr(o.Response.Body, "continue_with")?.OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(c => JsonRead.Str(c, "action") == "redirect_browser_to")
            .Select(c => JsonRead.Str(c, "redirect_browser_to")).FirstOrDefault();
        Check.Verify(o, ContinueWith, target == expected, new FailureText
        {
            Headline = "continue_with does not lead back to the settings UI",
            Subject = "continue_with",
            Expectation = "hold redirect_browser_to " + expected,
            Why = "an SPA's settings success, factors spec §3.3, §7.5",
            Actual = "it held " + Check.Quote(target),
            Expected = expected,
            Observed = target ?? "(none)",
        });
    }

    /// <summary>
    /// A browser's 303 leads to <c>&lt;public&gt;self-service/login/browser</c> with <paramref name="query"/> (aal=aal2 or
    /// refresh=true) and return_to <paramref name="returnTo"/> when given (factors spec §7.2, §7.4).
    /// </summary>
    public static void RedirectsToLogin(Observation o, Uri publicUrl, string query, string? returnTo, string why)
    {
        var location = o.Response.Location;
        var ok = location is not null && Uri.TryCreate(publicUrl, location, out var target)
            && target.GetLeftPart(UriPartial.Path) == new Uri(publicUrl, "self-service/login/browser").AbsoluteUri
            && HttpUtility.ParseQueryString(target.Query) is var q
            && query.Split('=') is [var key, var value] && q[key] == value
            && (returnTo is null || q["return_to"] == returnTo);
        var expected = new Uri(publicUrl, "self-service/login/browser").AbsoluteUri + "?" + query + (returnTo is null ? string.Empty : "&return_to=" + returnTo);
        Check.Verify(o, ToLogin, o.Response.Status == 303 && ok, new FailureText
        {
            Headline = "not sent to the login",
            Subject = "the browser's 303",
            Expectation = "lead to " + expected,
            Why = why,
            Actual = "it was " + o.Response.Describe(),
            Expected = expected,
            Observed = location ?? "(no Location)",
        });
    }
}
