using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// TOTP in the settings flow (factors spec §3.3, §3.4, §3.6, §7.5): enrolment with the QR image and secret, a wrong
/// code refused on the code input, the credential in the admin API, the session raised to aal2, and unlinking.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TotpSettingsTests : FactorTest
{
    private static IEnumerable<TestCaseData> Enrol() => ConformanceCases.ForStyles(
        Id("settings", "totp", "enrol"),
        "factors §3.3/§3.6/§7.5: the enrolment form (QR 256×256, base32 secret, code input), a wrong code as 4000008 on totp_code, the right one saves with 1050001, stores the credential and makes the session aal2 [password, totp]");

    private static IEnumerable<TestCaseData> Unlink() => ConformanceCases.ForStyles(
        Id("settings", "totp", "unlink"),
        "factors §3.4: totp_unlink removes the credential (1050001, a new enrolment form), the aal2 login no longer offers TOTP, and the session keeps its totp entry");

    [TestCaseSource(nameof(Enrol))]
    public async Task EnrolTotp(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Totp);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);

        var opened = await steps.OpenSettingsAsync(user, identity);
        var secret = FactorChecks.SecretShown(opened);
        var wrong = steps.Observe(await steps.Driver.SubmitTotpEnrolmentAsync(user, FlowChecks.Flow(opened), Flows.WrongCode(TotpCode.At(secret))), "after submitting a wrong TOTP code to enrol");
        SettingsChecks.Flow(wrong, client, 400, steps.Deployment.Facts.SettingsUiUrl, "a wrong enrolment code re-renders the form (API/SPA 400, browser 303), factors spec §3.3");
        SettingsChecks.State(wrong, "show_form", "nothing was saved, factors spec §3.3");
        NodeChecks.HasMessage(wrong, "totp", "totp_code", "text", 4000008, "a wrong enrolment code is an error on the code input, not in ui.messages, factors spec §3.3");
        var notYet = await steps.StoredAsync(identity, "totp", "on the admin API after the wrong code");
        FactorChecks.CredentialIs(notYet, identity.Id, "totp", present: false, null, "a wrong code stores nothing, factors spec §3.3");

        // The same flow verifies the secret it showed (a failed attempt keeps the secret, factors spec §3.3).
        var done = steps.Observe(await steps.Driver.SubmitTotpEnrolmentAsync(user, FlowChecks.Flow(wrong), TotpCode.At(secret)), "after submitting the current TOTP code to enrol");
        steps.Saved(done, client, "a correct code stores the TOTP credential, factors spec §3.3");
        NodeChecks.Present(done, new NodeExpectation("totp", "totp_unlink", "submit") { Value = "true", LabelId = 1050004 }, "with TOTP set up the form offers unlinking, factors spec §3.4");

        var stored = await steps.StoredAsync(identity, "totp", "on GET /admin/identities/{id}?include_credential=totp after enrolling");
        FactorChecks.CredentialIs(stored, identity.Id, "totp", present: true, secret, "the enrolled key: identifiers [identity id], otpauth URL with SHA1/6/30 and the secret shown, factors spec §3.2, §3.6");
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("totp", "aal2")], addedInSettings: 1);
    }

    [TestCaseSource(nameof(Unlink))]
    public async Task UnlinkTotp(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Totp);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);
        await steps.EnrolTotpAsync(user, identity);

        var opened = await steps.OpenSettingsAsync(user, identity, "after opening a settings flow with TOTP set up");
        NodeChecks.Present(opened, new NodeExpectation("totp", "totp_unlink", "submit") { Value = "true", LabelId = 1050004 }, "an identity with TOTP is offered unlinking, factors spec §3.4");
        var unlinked = steps.Observe(await steps.Driver.UnlinkTotpAsync(user, FlowChecks.Flow(opened)), "after pressing unlink");
        steps.Saved(unlinked, client, "unlinking deletes the TOTP credential, factors spec §3.4");
        FactorChecks.QrImage(unlinked);
        FactorChecks.SecretShown(unlinked);

        var stored = await steps.StoredAsync(identity, "totp", "on the admin API after unlinking");
        FactorChecks.CredentialIs(stored, identity.Id, "totp", present: false, null, "unlink deletes the credential, factors spec §3.4");
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("totp", "aal2")], addedInSettings: 1);
        var login = await steps.Aal2FlowAsync(user, refresh: true);
        NodeChecks.Absent(login, "totp", "totp_code", "text", "an identity without TOTP gets no TOTP form at aal2, factors spec §3.5");
    }
}
