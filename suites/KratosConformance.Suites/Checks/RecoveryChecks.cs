using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The recovery flow's answers (factors spec §8, §1.4; code/strategy_recovery.go, docs/kratos-facts.md): where each
/// client style is sent or what it is given at each step, the flow's state, the recovery-code mail, and how a
/// successful recovery hands over to the settings flow it creates (the browser's 303, continue_with for JSON
/// clients with feature_flags.use_continue_with_transitions).
/// </summary>
public static class RecoveryChecks
{
    public static readonly CheckDefinition Answer = new("recovery.response", "a recovery step answers the browser with a 303 to the recovery UI (?flow=<id>, the flow fetchable) and JSON clients with 200 and the recovery flow", "recoveryFlow", "recoveryFlow.ui", "recoveryFlow.id", "recoveryFlow.type", "http.Location");
    public static readonly CheckDefinition StateIs = new("recovery.state", "state is choose_method on creation, sent_email once a code was sent, passed_challenge after the right code", "recoveryFlow.state");
    public static readonly CheckDefinition ToSettings = new("recovery.settings", "a successful recovery sends the browser 303 to the settings UI with the new settings flow; JSON clients get continue_with show_settings_ui with the flow's id and URL, a native app set_ory_session_token first", "recoveryFlow.continue_with", "continueWithSettingsUi.action", "continueWithSettingsUi.flow", "continueWithSettingsUiFlow.id", "continueWithSettingsUiFlow.url", "continueWithSetOrySessionToken.action", "continueWithSetOrySessionToken.ory_session_token", "http.Location");
    public static readonly CheckDefinition SettingsNeedAal2 = new("recovery.settings.aal2", "the recovery's settings flow, fetched with the aal1 recovery session of an identity with a second factor, answers 403 session_aal2_required whose redirect_browser_to is the aal2 login returning to <settings ui_url>?flow=<id>", "errorAuthenticatorAssuranceLevelNotSatisfied.redirect_browser_to");
    public static readonly CheckDefinition ToSettingsByLocationChange = new("recovery.settings.location-change", "without feature_flags.use_continue_with_transitions a JSON client's successful recovery answers 422 browser_location_change_required whose redirect_browser_to is <settings ui_url>?flow=<id>, with no continue_with: a native app is handed no session token", "errorBrowserLocationChangeRequired.redirect_browser_to", "recoveryFlow.continue_with");
    public static readonly CheckDefinition ReturnToHonoured = new("recovery.return_to", "after the recovered user's settings update the browser is sent 303 to the recovery's return_to, a SPA gets continue_with redirect_browser_to it", "http.Location", "settingsFlow.continue_with", "settingsFlow.return_to");
    public static readonly CheckDefinition WindowFromRecovery = new("recovery.window", "1060001's privileged_session_expires_at is the recovery session's authenticated_at plus privileged_session_max_age", "uiText.context");
    public static readonly CheckDefinition MailTemplate = new("recovery.mail", "the recovery mail goes to the submitted address in the version's recovery_code_valid template, the same six-digit code in subject and body", "mail.to", "mail.subject", "mail.body");

    /// <summary>
    /// The answer carries the recovery flow: browser 303 to the recovery UI (the client fetched the flow), SPA and
    /// native 200 with the flow. Returns the flow.
    /// </summary>
    public static LoginFlow Flow(Observation o, ClientStyle style, Uri? recoveryUi, string why)
    {
        var r = o.Response;
        var expected = style == ClientStyle.Browser ? "303 to " + (recoveryUi?.AbsoluteUri ?? "the recovery UI") + "?flow=<id>, the flow fetchable" : "200 with the recovery flow";
        var toUi = style != ClientStyle.Browser || (r.Status == 303 && r.Location is { } l && recoveryUi is not null && l.StartsWith(recoveryUi.AbsoluteUri + "?flow=", StringComparison.Ordinal));
        var flowType = JsonRead.Str(r.Flow?.Raw, "type");
        var ok = r.Flow is not null && toUi && (style == ClientStyle.Browser ? r.Status == 303 : r.Status == 200)
            && flowType == (style == ClientStyle.Native ? "api" : "browser");
        Check.Must(o, Answer, ok, new FailureText
        {
            Headline = "no recovery flow in the answer",
            Subject = "the answer",
            Expectation = "be " + expected + " of type " + (style == ClientStyle.Native ? "api" : "browser"),
            Why = why,
            Actual = "it was " + r.Describe(),
            Expected = expected,
            Observed = r.Describe(),
        });
        return r.Flow!;
    }

    /// <summary>The recovery flow's state is <paramref name="expected"/>.</summary>
    public static void State(Observation o, string expected, string why)
    {
        var state = JsonRead.Str(o.Response.Flow?.Raw ?? o.Response.Body as JsonObject, "state");
        Check.Verify(o, StateIs, state == expected, new FailureText
        {
            Headline = "recovery state " + (state ?? "(none)") + " instead of " + expected,
            Subject = "the recovery flow's state",
            Expectation = "be " + expected,
            Why = why,
            Actual = "it was " + Check.Quote(state),
            Expected = expected,
            Observed = state ?? "(none)",
        });
    }

    /// <summary>
    /// The mail to <paramref name="address"/> is the version's recovery_code_valid template (factors spec §8,
    /// docs/kratos-facts.md); returns its code.
    /// </summary>
    public static string Mail(Observation o, ReceivedMail mail, string address, LoginCodeTemplate template)
    {
        var toAddress = mail.To.Count == 1 && string.Equals(mail.To[0], address, StringComparison.OrdinalIgnoreCase);
        var matches = template.TryExtract(mail, out var found);
        Check.Must(o, MailTemplate, toAddress && matches, new FailureText
        {
            Headline = toAddress ? "recovery mail does not match the " + template.Name + " template" : "recovery mail to the wrong recipients",
            Subject = "the recovery-code mail",
            Expectation = "go to " + address + " and match " + template.Expected,
            Why = "the code recovery sends to the submitted address, factors spec §8, §1.4 (1060003)",
            Actual = "it went to " + Check.List(mail.To) + " with subject " + Check.Quote(mail.Subject),
            Expected = template.Expected,
            Observed = "to " + Check.List(mail.To) + ", subject " + Check.Quote(mail.Subject) + ", body " + Check.Quote(mail.TextBody.Trim()),
        });
        return found.Code;
    }

    /// <summary>
    /// redirect_browser_to of the refused settings fetch is <c>&lt;public&gt;self-service/login/browser?aal=aal2&amp;return_to=&lt;settings ui_url&gt;?flow=&lt;id&gt;</c>
    /// (factors spec §7.2 row 4, §8 item 3): after the second factor the UI comes back to the same settings flow.
    /// </summary>
    public static void SettingsReturnAfterAal2(Observation o, KratosError error, Uri publicUrl, string settingsUrl)
    {
        var target = error.RedirectBrowserTo;
        var expected = new Uri(publicUrl, "self-service/login/browser").AbsoluteUri + "?aal=aal2&return_to=" + settingsUrl;
        var ok = target is not null && Uri.TryCreate(target, UriKind.Absolute, out var url)
            && url.GetLeftPart(UriPartial.Path) == new Uri(publicUrl, "self-service/login/browser").AbsoluteUri
            && System.Web.HttpUtility.ParseQueryString(url.Query) is var q && q["aal"] == "aal2" && q["return_to"] == settingsUrl;
        Check.Verify(o, SettingsNeedAal2, ok, new FailureText
        {
            Headline = "the refused settings flow does not lead back to itself after aal2",
            Subject = "redirect_browser_to of " + (error.Id ?? "the error"),
            Expectation = "be " + expected,
            Why = "the settings UI sends the user through the aal2 login and back to the recovery's settings flow, factors spec §7.2 row 4, §8 item 3",
            Actual = "found " + Check.Quote(target),
            Expected = expected,
            Observed = target ?? "(none)",
        });
    }

    /// <summary>
    /// A successful recovery leads to the settings flow it created: browser 303 to <c>&lt;settings ui_url&gt;?flow=&lt;id&gt;</c>;
    /// SPA 200 with continue_with [show_settings_ui]; native 200 with [set_ory_session_token, show_settings_ui]
    /// (code/strategy_recovery.go recoveryIssueSession with use_continue_with_transitions). Returns the settings flow id.
    /// </summary>
    public static string LeadsToSettings(Observation o, ClientStyle style, Uri? settingsUi)
    {
        var r = o.Response;
        var prefix = (settingsUi?.AbsoluteUri ?? "<settings ui_url>") + "?flow=";
        string? flowId;
        string expected;
        string observed;
        bool ok;
        if (style == ClientStyle.Browser)
        {
            expected = "303 to " + prefix + "<id>";
            observed = r.Describe();
            ok = r.Status == 303 && r.Location is { } l && settingsUi is not null && l.StartsWith(prefix, StringComparison.Ordinal);
            flowId = ok ? r.Location![prefix.Length..] : null;
        }
        else
        {
            var actions = r.ContinueWith?.OfType<JsonObject>().ToList() ?? [];
            var names = actions.Select(a => JsonRead.Str(a, "action") ?? "?").ToList();
            var wanted = style == ClientStyle.Native ? new[] { "set_ory_session_token", "show_settings_ui" } : ["show_settings_ui"];
            var settings = actions.FirstOrDefault(a => JsonRead.Str(a, "action") == "show_settings_ui");
            flowId = JsonRead.Str(JsonRead.Obj(settings, "flow"), "id");
            var url = JsonRead.Str(JsonRead.Obj(settings, "flow"), "url");
            var token = style != ClientStyle.Native || !string.IsNullOrEmpty(RecoveryClient.SessionTokenHandedOver(r));
            expected = "200 with continue_with " + Check.List(wanted) + ", show_settings_ui.flow.url = " + prefix + "<flow.id>";
            observed = r.Status + " continue_with " + Check.List(names) + (url is null ? string.Empty : " url " + url);
            ok = r.Status == 200 && names.SequenceEqual(wanted) && token && flowId is not null && url == prefix + flowId;
        }

        Check.Must(o, ToSettings, ok, new FailureText
        {
            Headline = "recovery does not lead to its settings flow",
            Subject = style == ClientStyle.Browser ? "the browser's 303" : "the answer's continue_with",
            Expectation = "be " + expected,
            Why = "a successful recovery creates a settings flow and hands over to it, factors spec §8 item 1",
            Actual = "it was " + observed,
            Expected = expected,
            Observed = observed,
        });
        return flowId!;
    }

    /// <summary>
    /// Without feature_flags.use_continue_with_transitions a JSON client's successful recovery answers 422
    /// browser_location_change_required pointing at <c>&lt;settings ui_url&gt;?flow=&lt;id&gt;</c>, and nothing else: no
    /// continue_with, so a native app never learns the token of the session the recovery issued
    /// (code/strategy_recovery.go recoveryIssueSession, the flag's else branch; docs/kratos-facts.md). The status, id and
    /// texts are checked before (StatusChecks.ErrorReturned). Returns the settings flow id.
    /// </summary>
    public static string LocationChangeToSettings(Observation o, KratosError error, Uri? settingsUi)
    {
        var r = o.Response;
        var prefix = (settingsUi?.AbsoluteUri ?? "<settings ui_url>") + "?flow=";
        var target = error.RedirectBrowserTo;
        var flowId = target is not null && settingsUi is not null && target.StartsWith(prefix, StringComparison.Ordinal) ? target[prefix.Length..] : null;
        var handedOver = r.ContinueWith is { Count: > 0 } || RecoveryClient.SessionTokenHandedOver(r) is not null || JsonRead.Str(r.Body, "session_token") is not null;
        var expected = "redirect_browser_to " + prefix + "<id> and no continue_with or session token";
        var observed = "redirect_browser_to " + (target ?? "(none)") + (handedOver ? ", continue_with " + Check.List((r.ContinueWith?.OfType<JsonObject>() ?? []).Select(c => JsonRead.Str(c, "action") ?? "?")) : string.Empty);
        Check.Must(o, ToSettingsByLocationChange, flowId is { Length: > 0 } && !handedOver, new FailureText
        {
            Headline = "recovery without transitions does not point a JSON client at its settings flow",
            Subject = "the 422 browser_location_change_required",
            Expectation = "carry " + expected,
            Why = "without feature_flags.use_continue_with_transitions Kratos writes only the location-change error, factors spec §8 item 1 (code/strategy_recovery.go recoveryIssueSession)",
            Actual = "it carried " + observed,
            Expected = expected,
            Observed = observed,
        });
        return flowId!;
    }

    /// <summary>
    /// The settings update after a recovery ends at the recovery's return_to (factors spec §8 item 3; the settings flow
    /// took it over into its request_url, settings/hook.go PostSettingsHook redirects there): browser 303 Location,
    /// SPA continue_with redirect_browser_to.
    /// </summary>
    public static void ReturnsTo(Observation o, ClientStyle style, string returnTo)
    {
        var r = o.Response;
        var target = style == ClientStyle.Browser
            ? r.Location
            : r.ContinueWith?.OfType<JsonObject>().Where(c => JsonRead.Str(c, "action") == "redirect_browser_to").Select(c => JsonRead.Str(c, "redirect_browser_to")).FirstOrDefault();
        var ok = style == ClientStyle.Browser ? r.Status == 303 && target == returnTo : r.Status == 200 && target == returnTo;
        var expected = style == ClientStyle.Browser ? "303 to " + returnTo : "200 with continue_with redirect_browser_to " + returnTo;
        var observed = style == ClientStyle.Browser ? r.Describe() : r.Status + " with redirect_browser_to " + (target ?? "(none)");
        Check.Verify(o, ReturnToHonoured, ok, new FailureText
        {
            Headline = "the settings update after recovery does not return to the recovery's return_to",
            Subject = style == ClientStyle.Browser ? "the browser's 303" : "continue_with",
            Expectation = "be " + expected,
            Why = "the final redirect honours the recovery return_to, factors spec §8 item 3 (e2e recovery/return-to/success.spec.ts)",
            Actual = "it was " + observed,
            Expected = expected,
            Observed = observed,
        });
    }

    /// <summary>
    /// The recovery's settings flow shows the recovery's return_to (settings/flow.go SetReturnTo reads it from the
    /// request_url the recovery copied it into, redir.TakeOverReturnToParameter; factors spec §8 item 3).
    /// </summary>
    public static void SettingsFlowCarriesReturnTo(Observation o, string returnTo)
    {
        var actual = JsonRead.Str(o.Response.Flow?.Raw, "return_to");
        Check.Verify(o, ReturnToHonoured, actual == returnTo, new FailureText
        {
            Headline = "the recovery's settings flow lost the recovery's return_to",
            Subject = "return_to of the settings flow",
            Expectation = "be " + returnTo,
            Why = "the settings flow a recovery creates takes over the recovery's return_to, factors spec §8 item 3",
            Actual = "it was " + Check.Quote(actual),
            Expected = returnTo,
            Observed = actual ?? "(none)",
        });
    }

    /// <summary>
    /// 1060001's privileged_session_expires_at (factors spec §1.4) is counted from the recovery: the recovery session's
    /// authenticated_at plus privileged_session_max_age (factors spec §8 item 4; code/strategy_recovery.go stamps both
    /// while answering the same code submission, so they lie within a minute of each other, and a second below for a
    /// store that keeps whole seconds).
    /// </summary>
    public static void WindowCountsFromRecovery(Observation o, Session session, TimeSpan privilegedMaxAge)
    {
        var notice = o.Response.Flow?.Ui.Messages.FirstOrDefault(m => m.Id == 1060001);
        var raw = JsonRead.Str(notice?.Context, "privileged_session_expires_at");
        var parsed = DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var until);
        var expectedAt = session.AuthenticatedAt + privilegedMaxAge;
        var offset = until - expectedAt;
        var ok = parsed && offset >= TimeSpan.FromSeconds(-1) && offset < TimeSpan.FromMinutes(1);
        var expected = "privileged_session_expires_at " + expectedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " (authenticated_at " + session.AuthenticatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " + " + privilegedMaxAge + "), within a minute after";
        var observed = "privileged_session_expires_at " + (raw ?? "(none)") + (parsed ? " (" + offset + " from the expected)" : string.Empty);
        Check.Verify(o, WindowFromRecovery, ok, new FailureText
        {
            Headline = "the 1060001 privileged window does not count from the recovery",
            Subject = "the context of 1060001",
            Expectation = "hold " + expected,
            Why = "the window the recovery notice announces is privileged_session_max_age from the recovery, factors spec §8 item 4, §1.4",
            Actual = "it held " + observed,
            Expected = expected,
            Observed = observed,
        });
    }
}
