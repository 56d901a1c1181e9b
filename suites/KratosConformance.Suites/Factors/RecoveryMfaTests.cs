using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Recovery by the emailed code when the identity has a second factor (factors spec §8, the recovery profile): the
/// recovery session is aal1 {code_recovery}; with highest_available, whoami and the recovery's own settings flow want
/// the second factor first, after which the settings flow (with 1060001) changes the password. An identity without a
/// second factor gets the settings flow at once.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecoveryMfaTests : FactorTest
{
    private static IEnumerable<TestCaseData> SessionAal1() => ConformanceCases.ForStyles(
        Id("recovery", "code-mfa", "session-aal1"),
        "factors §8/§1.4: recovery by code (1060003, the recovery mail) of an identity with TOTP leads to its settings flow, and the recovery session is aal1: whoami 403 session_aal2_required");

    private static IEnumerable<TestCaseData> SettingsAfterAal2() => ConformanceCases.ForStyles(
        Id("recovery", "code-mfa", "settings-aal2"),
        "factors §8/§7.2: the recovery's settings flow answers 403 session_aal2_required leading back to itself; after the TOTP aal2 login (1010004) the session is [code_recovery, totp] and the flow (1060001) changes the password (1050001); a browser's or SPA's recovery started with return_to ends there (303 / continue_with)");

    private static IEnumerable<TestCaseData> WithoutSecondFactor() => ConformanceCases.ForStyles(
        Id("recovery", "code-mfa", "without-second-factor"),
        "factors §8/§2.1: an identity without a second factor gets an aal1 session [code_recovery] that whoami accepts, and its settings flow with 1060001 at once");

    [TestCaseSource(nameof(SessionAal1))]
    public async Task RecoverySessionIsAal1(ClientStyle client)
    {
        var (steps, recovery) = await StepsAsync();
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithTotpAsync(client, identity);
        var user = NewClient(client, steps.Deployment);

        await recovery.RecoverAsync(user, identity);

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the session the recovery issued");
        var error = StatusChecks.ErrorReturned(whoami, ClientStyle.Spa, 403, "session_aal2_required");
        ErrorChecks.RedirectsToAal2Login(whoami, error, steps.PublicUrl);
    }

    [TestCaseSource(nameof(SettingsAfterAal2))]
    public async Task RecoverySettingsAfterAal2(ClientStyle client)
    {
        var (steps, recovery) = await StepsAsync();
        var identity = await NewIdentityAsync(steps.Deployment);
        var secret = await steps.WithTotpAsync(client, identity);
        var user = NewClient(client, steps.Deployment);
        var returnTo = ReturnTo(steps, client);
        var (_, settingsId, _) = await recovery.RecoverAsync(user, identity, returnTo);
        var settings = steps.Driver.Settings(user);

        var refused = steps.Observe(await settings.GetAsync(settingsId), "on fetching the recovery's settings flow with the aal1 recovery session");
        var error = StatusChecks.ErrorReturned(refused, ClientStyle.Spa, 403, "session_aal2_required");
        RecoveryChecks.SettingsReturnAfterAal2(refused, error, steps.PublicUrl, recovery.SettingsUiUrl(settingsId));

        var aal2 = await steps.Aal2FlowAsync(user);
        MessageChecks.ExactlyIds(aal2, [1010004], "the recovery session is aal1, so the aal2 flow asks for the second factor, factors spec §8 item 3");
        var done = steps.Observe(await steps.Driver.SubmitTotpLoginAsync(user, FlowChecks.Flow(aal2), TotpCode.At(secret), "submit the current TOTP code"), "after submitting the current TOTP code");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("code_recovery", "aal1"), ("totp", "aal2")]);

        var opened = steps.Observe(await settings.GetAsync(settingsId), "on fetching the recovery's settings flow after the aal2 login");
        SettingsChecks.Flow(opened, ClientStyle.Spa, 200, steps.Deployment.Facts.SettingsUiUrl, "the aal2 session may use the recovery's settings flow, factors spec §8 item 3");
        SettingsChecks.OwnedBy(opened, identity.Id);
        MessageChecks.ExactlyIds(opened, [1060001], "the settings flow a recovery creates carries the recovery success, factors spec §1.4, §8 item 1");
        var changed = steps.Observe(await settings.SubmitAsync(FlowChecks.Flow(opened), new Dictionary<string, string> { ["method"] = "password", ["password"] = "Kc-recovered-" + Guid.NewGuid().ToString("N") }), "after setting a new password in the recovery's settings flow");
        const string why = "after the second factor the recovered user changes the password, factors spec §8 item 3, §7.5";
        if (returnTo is null)
        {
            steps.Saved(changed, client, why);
            return;
        }

        RecoveryChecks.SettingsFlowCarriesReturnTo(opened, returnTo);
        RecoveryChecks.ReturnsTo(changed, client, returnTo);
        var saved = client == ClientStyle.Browser ? steps.Observe(await settings.GetAsync(settingsId), "on fetching the settings flow after the password change") : changed;
        SettingsChecks.State(saved, "success", why);
        MessageChecks.ExactlyIds(saved, [1050001], why);
    }

    [TestCaseSource(nameof(WithoutSecondFactor))]
    public async Task RecoveryWithoutSecondFactor(ClientStyle client)
    {
        var (steps, recovery) = await StepsAsync();
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        var (_, settingsId, _) = await recovery.RecoverAsync(user, identity);

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the session the recovery issued");
        StatusChecks.Is(whoami, 200, "aal1 is the highest AAL an identity without a second factor has, factors spec §2.1, §8 item 1");
        var session = SessionChecks.Session(whoami);
        SessionChecks.Aal(whoami, session, "aal1", "recovery by code completes one aal1 factor, factors spec §8 item 1");
        SessionChecks.Methods(whoami, session, [("code_recovery", "aal1")], "a recovery by code is the method code_recovery at aal1, factors spec §8 item 1");
        SessionChecks.IdentityIs(whoami, session, identity.Id, identity.Email);

        var opened = steps.Observe(await steps.Driver.Settings(user).GetAsync(settingsId), "on fetching the recovery's settings flow");
        SettingsChecks.Flow(opened, ClientStyle.Spa, 200, steps.Deployment.Facts.SettingsUiUrl, "the recovery session satisfies highest_available when nothing above aal1 is available, factors spec §7.2, §8 item 1");
        SettingsChecks.State(opened, "show_form", "the recovery's settings flow waits for the new password, factors spec §8 item 1");
        MessageChecks.ExactlyIds(opened, [1060001], "the settings flow a recovery creates carries the recovery success, factors spec §1.4, §8 item 1");
    }

    /// <summary>
    /// The return_to a browser or SPA opens its recovery with (factors spec §8 item 3): below the deployment's first
    /// allowed return URL, so Kratos accepts it. None for a native app (its settings success is the flow, nothing to
    /// redirect, settings/hook.go) or when the deployment allows no return URL.
    /// </summary>
    private static string? ReturnTo(FactorSteps steps, ClientStyle client)
    {
        if (client == ClientStyle.Native || steps.Deployment.Facts.AllowedReturnUrls.Count == 0)
        {
            return null;
        }

        var allowed = steps.Deployment.Facts.AllowedReturnUrls[0];
        return new UriBuilder(allowed) { Path = allowed.AbsolutePath.TrimEnd('/') + "/conformance/after-recovery", Query = "from=recovery" }.Uri.AbsoluteUri;
    }

    private async Task<(FactorSteps Steps, RecoverySteps Recovery)> StepsAsync()
    {
        var (deployment, expect) = await DeploymentAsync(KratosProfiles.Recovery);
        var steps = new FactorSteps(Scope, deployment, expect);
        return (steps, new RecoverySteps(Scope, steps, expect));
    }
}
