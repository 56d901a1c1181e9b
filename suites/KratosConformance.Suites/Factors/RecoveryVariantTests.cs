using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Recovery with MFA on the two configurations beside the recovery profile (factors spec §8): with
/// selfservice.flows.settings.required_aal aal1 the aal1 recovery session of an identity with TOTP changes its settings
/// without the second factor, within the privileged window 1060001 announces from the recovery (item 4); without
/// feature_flags.use_continue_with_transitions (Kratos's default) a JSON client is handed over by a 422
/// browser_location_change_required, and a native app never receives the recovered session's token (item 1).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecoveryVariantTests : FactorTest
{
    private static IEnumerable<TestCaseData> SettingsAal1() => ConformanceCases.ForStyles(
        Id("recovery", "code-mfa", "settings-aal1"),
        "factors §8 item 4/§7.2/§1.4: with settings required_aal aal1 the aal1 recovery session [code_recovery] of an identity with TOTP opens its settings flow (1060001, the privileged window counted from the recovery) and changes the password (1050001) without a second factor");

    private static IEnumerable<TestCaseData> NoTransitions() => ConformanceCases.ForStyles(
        Id("recovery", "code-mfa", "no-transitions"),
        "factors §8 item 1: without feature_flags.use_continue_with_transitions the browser is still sent 303 to the settings UI, a SPA or native app gets 422 browser_location_change_required to <settings ui_url>?flow=<id> with no continue_with (no session token for the app); the recovery is complete (passed_challenge) and a browser's session was issued");

    [TestCaseSource(nameof(SettingsAal1))]
    public async Task RecoverySettingsAtAal1(ClientStyle client)
    {
        var (steps, recovery) = await RecoveryStepsAsync(KratosProfiles.RecoveryAal1);
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithTotpAsync(client, identity);
        var user = NewClient(client, steps.Deployment);
        var (_, settingsId, _) = await recovery.RecoverAsync(user, identity);

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the session the recovery issued");
        StatusChecks.Is(whoami, 200, "whoami's required_aal is aal1 in this profile, factors spec §7.1, §8 item 4");
        var session = SessionChecks.Session(whoami);
        SessionChecks.Aal(whoami, session, "aal1", "the recovery session stays aal1 although the identity has TOTP, factors spec §8 items 1, 4");
        SessionChecks.Methods(whoami, session, [("code_recovery", "aal1")], "a recovery by code is the method code_recovery at aal1, factors spec §8 item 1");

        var settings = steps.Driver.Settings(user);
        var opened = steps.Observe(await settings.GetAsync(settingsId), "on fetching the recovery's settings flow with the aal1 recovery session");
        SettingsChecks.Flow(opened, ClientStyle.Spa, 200, steps.Deployment.Facts.SettingsUiUrl, "required_aal aal1 lets every session use settings, the recovery's aal1 one included, factors spec §7.2, §8 item 4");
        SettingsChecks.State(opened, "show_form", "the recovery's settings flow waits for the new password, factors spec §8 item 1");
        SettingsChecks.OwnedBy(opened, identity.Id);
        MessageChecks.ExactlyIds(opened, [1060001], "the settings flow a recovery creates carries the recovery success, factors spec §1.4, §8 item 1");
        RecoveryChecks.WindowCountsFromRecovery(opened, session, steps.Deployment.Facts.PrivilegedSessionMaxAge);

        var changed = steps.Observe(await settings.SubmitAsync(FlowChecks.Flow(opened), new Dictionary<string, string> { ["method"] = "password", ["password"] = "Kc-recovered-" + Guid.NewGuid().ToString("N") }), "after setting a new password with the aal1 recovery session");
        steps.Saved(changed, client, "the fresh recovery session is inside the privileged window, so the password changes without a second factor, factors spec §8 item 4, §7.3");
        var after = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the password change");
        StatusChecks.Is(after, 200, "the session is still valid after the password change, factors spec §7.5");
        SessionChecks.Methods(after, SessionChecks.Session(after), [("code_recovery", "aal1")], "a password change adds no authentication method, factors spec §7.5, §8 item 4");
    }

    [TestCaseSource(nameof(NoTransitions))]
    public async Task RecoveryWithoutTransitions(ClientStyle client)
    {
        var (steps, recovery) = await RecoveryStepsAsync(KratosProfiles.RecoveryNoTransitions);
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithTotpAsync(client, identity);
        var user = NewClient(client, steps.Deployment);
        var (_, settingsId, recoveryId) = await recovery.RecoverAsync(user, identity, transitions: false);

        var recoveryFlow = steps.Observe(await new RecoveryClient(user, steps.Deployment.Facts).GetAsync(recoveryId), "on fetching the recovery flow after the code");
        RecoveryChecks.State(recoveryFlow, "passed_challenge", "the recovery is complete although the flag is off, factors spec §8 item 1");
        if (client == ClientStyle.Native)
        {
            // The app holds no token (the 422 carried none), so there is no session it could show; the 422 check is the finding.
            return;
        }

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the cookie the recovery issued");
        var error = StatusChecks.ErrorReturned(whoami, ClientStyle.Spa, 403, "session_aal2_required");
        ErrorChecks.RedirectsToAal2Login(whoami, error, steps.PublicUrl);
        var refused = steps.Observe(await steps.Driver.Settings(user).GetAsync(settingsId), "on fetching the settings flow the recovery pointed at");
        var aal2 = StatusChecks.ErrorReturned(refused, ClientStyle.Spa, 403, "session_aal2_required");
        RecoveryChecks.SettingsReturnAfterAal2(refused, aal2, steps.PublicUrl, recovery.SettingsUiUrl(settingsId));
    }

    private async Task<(FactorSteps Steps, RecoverySteps Recovery)> RecoveryStepsAsync(string profile)
    {
        var (deployment, expect) = await DeploymentAsync(profile);
        var steps = new FactorSteps(Scope, deployment, expect);
        return (steps, new RecoverySteps(Scope, steps, expect));
    }
}
