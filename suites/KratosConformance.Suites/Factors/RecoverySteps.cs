using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// The checks around a recovery by the emailed code (factors spec §8), as <see cref="FactorSteps"/> is for settings:
/// open the flow, submit the address, read the recovery mail, submit its code; each answer checked, so a scenario
/// fails at the first step that deviates. What follows the recovery (whoami, the settings flow, the aal2 login) is the
/// scenario's.
/// </summary>
public sealed class RecoverySteps(ConformanceScope scope, FactorSteps factor, VersionExpectations expect)
{
    public FactorSteps Factor => factor;

    /// <summary>
    /// Recovers <paramref name="identity"/> with <paramref name="user"/> (no session yet), the flow opened with
    /// <paramref name="returnTo"/> when given: returns the answer to the code submission and the id of the settings flow
    /// the recovery created (and the recovery flow's id). <paramref name="transitions"/> is the profile's feature_flags.use_continue_with_transitions,
    /// which decides how a JSON client is handed over (factors spec §8 item 1).
    /// </summary>
    public async Task<(Observation Done, string SettingsFlowId, string RecoveryFlowId)> RecoverAsync(KratosClient user, TestIdentity identity, string? returnTo = null, bool transitions = true)
    {
        var deployment = factor.Deployment;
        var facts = deployment.Facts;
        var recovery = new RecoveryClient(user, facts);
        Observation Observe(KratosResponse r, string situation) => scope.Observe(r, situation);

        var created = Observe(await recovery.CreateAsync(returnTo), returnTo is null ? "after opening a recovery flow" : "after opening a recovery flow with return_to " + returnTo);
        RecoveryChecks.Flow(created, user.Style, facts.RecoveryUiUrl, "recovery is enabled and the client has no session, factors spec §8 (selfservice/flow/recovery/handler.go)");
        RecoveryChecks.State(created, "choose_method", "a new recovery flow asks for the address, factors spec §8");
        NodeChecks.Present(created, new NodeExpectation("code", "email", "email") { Required = true }, "the code method's address input, factors spec §8");

        var sent = Observe(await recovery.SendCodeAsync(FlowChecks.Flow(created), identity.Email), "after submitting the recovery address");
        RecoveryChecks.Flow(sent, user.Style, facts.RecoveryUiUrl, "the address is taken and the flow shown again, factors spec §8");
        RecoveryChecks.State(sent, "sent_email", "a code was sent to the address, factors spec §8, §1.4");
        MessageChecks.ExactlyIds(sent, [1060003], "the code-sent notice of recovery by code, factors spec §1.4");
        NodeChecks.Present(sent, new NodeExpectation("code", "code", "text") { Required = true }, "the recovery code input of the sent_email form, factors spec §8");

        var mails = await scope.Mail.WaitForMailsAsync(deployment, identity.Email, 1);
        var code = RecoveryChecks.Mail(sent, mails[0], identity.Email, expect.RecoveryMailTemplate);

        var csrfBefore = CookieChecks.CsrfValue(user, deployment.Endpoints.PublicUrl);
        var done = Observe(await recovery.SubmitCodeAsync(FlowChecks.Flow(sent), code), "after submitting the recovery code");
        if (user.Style != ClientStyle.Native)
        {
            CookieChecks.CsrfRenewed(done, deployment.Endpoints.PublicUrl, csrfBefore, "a browser recovery issues a session for a new principal: code/strategy_recovery.go recoveryIssueSession regenerates the anti-CSRF token (docs/kratos-facts.md \"A new session renews the CSRF cookie\")");
        }
        if (!transitions && user.Style != ClientStyle.Browser)
        {
            var error = StatusChecks.ErrorReturned(done, user.Style, 422, "browser_location_change_required");
            return (done, RecoveryChecks.LocationChangeToSettings(done, error, facts.SettingsUiUrl), FlowChecks.Flow(sent).Id);
        }

        var settingsFlowId = RecoveryChecks.LeadsToSettings(done, user.Style, facts.SettingsUiUrl);
        if (user.Style != ClientStyle.Browser)
        {
            RecoveryChecks.State(done, "passed_challenge", "the right code completes the recovery challenge, factors spec §8 item 1");
        }

        return (done, settingsFlowId, FlowChecks.Flow(sent).Id);
    }

    /// <summary>The settings UI URL of the flow: <c>&lt;settings ui_url&gt;?flow=&lt;id&gt;</c>.</summary>
    public string SettingsUiUrl(string settingsFlowId) =>
        (factor.Deployment.Facts.SettingsUiUrl?.AbsoluteUri ?? string.Empty) + "?flow=" + settingsFlowId;
}
