using KratosConformance.Client;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// The checks around the steps the TOTP, backup-code and settings scenarios share, as <see cref="Flows"/> is for the
/// emailed code: the steps are the client library's <see cref="FactorDriver"/> (and the code driver's first factor),
/// each answer checked against the factors spec, so a scenario fails at the first step that deviates.
/// </summary>
public sealed class FactorSteps(ConformanceScope scope, KratosDeployment deployment, VersionExpectations expect)
{
    private readonly FactorDriver _driver = new(deployment.Facts, scope.Evidence);

    /// <summary>The emailed code's steps on the same deployment (first factor, aal2 flows, whoami).</summary>
    public Flows Code { get; } = new(scope, deployment, expect);

    public KratosDeployment Deployment => deployment;
    public FactorDriver Driver => _driver;
    public Uri PublicUrl => deployment.Endpoints.PublicUrl;

    public Observation Observe(KratosResponse response, string situation) => scope.Observe(response, situation);

    /// <summary>Opens a settings flow the session may use: browser 303 to the settings UI, SPA/native 200; show_form, the identity's (factors spec §3.3, §7.2).</summary>
    public async Task<Observation> OpenSettingsAsync(KratosClient user, TestIdentity identity, string situation = "after opening a settings flow")
    {
        var o = Observe(await _driver.OpenSettingsAsync(user), situation);
        SettingsChecks.Flow(o, user.Style, 200, deployment.Facts.SettingsUiUrl, "a settings flow for a session that satisfies required_aal, factors spec §7.2");
        SettingsChecks.State(o, "show_form", "a new settings flow shows its forms, factors spec §3.3, §4.3");
        SettingsChecks.OwnedBy(o, identity.Id);
        return o;
    }

    /// <summary>
    /// A settings update that succeeded (factors spec §7.5): browser 303 to the settings UI, SPA and native 200 with the
    /// flow in state success and [1050001]; the SPA's continue_with leads to the settings UI with the flow.
    /// </summary>
    public void Saved(Observation o, ClientStyle style, string why)
    {
        var flow = SettingsChecks.Flow(o, style, 200, deployment.Facts.SettingsUiUrl, why);
        SettingsChecks.State(o, "success", why);
        MessageChecks.ExactlyIds(o, [1050001], why);
        if (style == ClientStyle.Spa && deployment.Facts.SettingsUiUrl is { } ui)
        {
            SettingsChecks.ContinuesTo(o, ui.AbsoluteUri + "?flow=" + flow.Id);
        }
    }

    /// <summary>
    /// Enrols TOTP in a new settings flow, checking the enrolment form (QR image, secret, code input, Save; factors spec
    /// §3.3) and the success (1050001, the unlink button, §3.4). Returns the secret.
    /// </summary>
    public async Task<string> EnrolTotpAsync(KratosClient user, TestIdentity identity)
    {
        var opened = await OpenSettingsAsync(user, identity, "after opening a settings flow to enrol TOTP");
        FactorChecks.QrImage(opened);
        var secret = FactorChecks.SecretShown(opened);
        NodeChecks.Present(opened, new NodeExpectation("totp", "totp_code", "text") { LabelId = 1070006, Required = true }, "the code input of the enrolment form, factors spec §3.3 row 4");
        NodeChecks.Present(opened, new NodeExpectation("totp", "method", "submit") { Value = "totp", LabelId = 1070003 }, "the Save button of the enrolment form, factors spec §3.3 row 5");
        var done = Observe(await _driver.SubmitTotpEnrolmentAsync(user, FlowChecks.Flow(opened), TotpCode.At(secret)), "after submitting the current TOTP code to enrol");
        Saved(done, user.Style, "a correct code stores the TOTP credential, factors spec §3.3");
        NodeChecks.Present(done, new NodeExpectation("totp", "totp_unlink", "submit") { Value = "true", LabelId = 1050004 }, "with TOTP set up the form offers only unlinking, factors spec §3.3 (UI rebuilt), §3.4");
        NodeChecks.Absent(done, "totp", "totp_code", "text", "no second enrolment form once TOTP is set up, factors spec §3.4");
        return secret;
    }

    /// <summary>
    /// Regenerates and confirms backup codes in one settings flow, checking the list (12 codes, §4.2), the confirm
    /// button and the success (reveal and disable offered, §4.3). Returns the codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnrolLookupAsync(KratosClient user, TestIdentity identity)
    {
        var opened = await OpenSettingsAsync(user, identity, "after opening a settings flow for backup codes");
        var regenerated = Observe(await _driver.LookupActionAsync(user, FlowChecks.Flow(opened), [FactorDriver.Regenerate]), "after pressing regenerate");
        SettingsChecks.Flow(regenerated, user.Style, 200, deployment.Facts.SettingsUiUrl, "regenerate returns to the UI with the codes shown, factors spec §4.3");
        SettingsChecks.State(regenerated, "show_form", "regenerated codes are not saved until confirmed, factors spec §4.3");
        var codes = FactorChecks.CodesShown(regenerated);
        NodeChecks.Present(regenerated, new NodeExpectation("lookup_secret", "lookup_secret_confirm", "submit") { Value = "true", LabelId = 1050011 }, "regenerated codes are confirmed with this button, factors spec §4.3");
        var confirmed = Observe(await _driver.LookupActionAsync(user, FlowChecks.Flow(regenerated), [FactorDriver.Confirm]), "after pressing confirm");
        Saved(confirmed, user.Style, "confirm saves the codes regenerated in this flow, factors spec §4.3");
        LookupOffered(confirmed, "after confirming, the codes hide behind reveal next to disable, factors spec §4.3");
        return codes;
    }

    /// <summary>An identity with codes is offered reveal (1050007) and disable (1050016), no confirm (factors spec §4.3 row 2).</summary>
    public static void LookupOffered(Observation o, string why)
    {
        NodeChecks.Present(o, new NodeExpectation("lookup_secret", "lookup_secret_reveal", "submit") { Value = "true", LabelId = 1050007 }, why);
        NodeChecks.Present(o, new NodeExpectation("lookup_secret", "lookup_secret_disable", "submit") { Value = "true", LabelId = 1050016 }, why);
        NodeChecks.Absent(o, "lookup_secret", "lookup_secret_confirm", "submit", why);
    }

    /// <summary>The identity with TOTP enrolled by a user agent of its own (signed in with the password); returns the secret.</summary>
    public async Task<string> WithTotpAsync(ClientStyle style, TestIdentity identity)
    {
        var enroller = await SignedInAal1Async(style, identity);
        return await EnrolTotpAsync(enroller, identity);
    }

    /// <summary>The identity with backup codes confirmed by a user agent of its own; returns the codes.</summary>
    public async Task<IReadOnlyList<string>> WithLookupAsync(ClientStyle style, TestIdentity identity)
    {
        var enroller = await SignedInAal1Async(style, identity);
        return await EnrolLookupAsync(enroller, identity);
    }

    /// <summary>
    /// A fresh user agent of <paramref name="style"/> signed in with the password only: an aal1 session of an identity
    /// whose second factor is already set up (the starting point of every aal2 login scenario, factors spec §3.5, §4.4).
    /// </summary>
    public async Task<KratosClient> SignedInAal1Async(ClientStyle style, TestIdentity identity)
    {
        var user = scope.NewClient(style, deployment);
        await Code.SignInAal1Async(user, identity);
        return user;
    }

    /// <summary>Creates an aal2 (or aal2 refresh) login flow; browser 303 to the login UI, JSON 200; requested_aal aal2.</summary>
    public async Task<Observation> Aal2FlowAsync(KratosClient user, bool refresh = false)
    {
        var o = Observe(await scope.Driver(deployment).CreateAal2FlowAsync(user, refresh), refresh ? "after creating an aal2 refresh login flow" : "after creating an aal2 login flow");
        StatusChecks.FlowCreated(o, user.Style);
        FlowChecks.RequestedAal(o, "aal2");
        FlowChecks.Refresh(o, refresh);
        return o;
    }

    /// <summary>The admin API's view of the identity with <paramref name="type"/>'s credential declassified.</summary>
    public async Task<Observation> StoredAsync(TestIdentity identity, string type, string situation) =>
        Observe(await scope.Admin(deployment).GetIdentityAsync(identity.Id, type), situation);
}
