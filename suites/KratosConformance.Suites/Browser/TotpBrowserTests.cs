using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// TOTP in a real browser (factors spec §3.3, §3.5): enrolment on the UI's settings page with the secret read off the
/// page and a code an authenticator app (Otp.NET) computes from it, and the aal2 login with a TOTP code.
/// </summary>
[TestFixture]
public sealed class TotpBrowserTests : FactorBrowserTest
{
    private static IEnumerable<TestCaseData> Enrol() =>
    [
        Case("settings", "totp", "enrol",
            "factors §3.3/§7.5: in Chromium, the settings page shows the TOTP secret; a wrong code shows 4000008, the code computed from the secret read off the page saves (1050001, unlink offered), the credential holds that secret and the browser's session is aal2 [password, totp]"),
    ];

    private static IEnumerable<TestCaseData> Aal2() =>
    [
        Case("login", "totp", "aal2",
            "factors §3.5/§2.3/§2.4: in Chromium, a password sign-in of an identity with TOTP lands on the aal2 screen (the TOTP form), a wrong TOTP code shows 4000008, the right one signs in at aal2 [password, totp]"),
    ];

    [TestCaseSource(nameof(Enrol))]
    public async Task EnrolTotpInSettingsUi(string client)
    {
        await StartFactorAsync(client, KratosProfiles.Totp);
        var identity = await NewIdentityAsync(Deployment);
        await SignInAal1Async(identity);

        await Ui.OpenSettingsAsync("when opening the settings page");
        var secret = await Ui.ReadTotpSecretAsync("on the settings page without TOTP");
        await Ui.ExpectVisibleAsync(NodeTarget.TotpSubmit, "on the settings page without TOTP", "the enrolment form's Save button, factors spec §3.3 row 5");

        Step("type a wrong TOTP code and save");
        await Ui.FillAsync(NodeTarget.TotpCodeField, Flows.WrongCode(TotpCode.At(secret)), "on the enrolment form", "the enrolment form asks for a code, factors spec §3.3 row 4");
        await Ui.PressAsync(NodeTarget.TotpSubmit, "save a wrong TOTP code");
        await Ui.ExpectMessageAsync(4000008, "after saving a wrong TOTP code", "a wrong enrolment code is an error on the code input, factors spec §3.3");
        await StoredAsync(identity, "totp", present: false, null, "a wrong code stores nothing, factors spec §3.3");

        Step("type the code an authenticator app computes from the secret on the page and save");
        await Ui.FillAsync(NodeTarget.TotpCodeField, TotpCode.At(secret), "on the enrolment form after the wrong code", "a failed attempt keeps the form and its secret, factors spec §3.3");
        await Ui.PressAsync(NodeTarget.TotpSubmit, "save the current TOTP code");
        await Ui.ExpectMessageAsync(1050001, "after saving the current TOTP code", "a correct code saves the settings, factors spec §3.3, §7.5");
        await Ui.ExpectVisibleAsync(NodeTarget.TotpUnlink, "after saving the current TOTP code", "with TOTP set up the form offers unlinking, factors spec §3.4");

        await StoredAsync(identity, "totp", present: true, secret, "the credential holds the secret the page showed, factors spec §3.2, §3.6");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after enrolling", [("password", "aal1"), ("totp", "aal2")], addedInSettings: 1);
    }

    [TestCaseSource(nameof(Aal2))]
    public async Task SignInWithTotpUi(string client)
    {
        await StartFactorAsync(client, KratosProfiles.Totp);
        var identity = await NewIdentityAsync(Deployment);
        var secret = await Steps.WithTotpAsync(ClientStyle.Browser, identity);

        await SignInWithPasswordAsync(identity);
        // The aal2 screen is known by its form: its info message 1010004 is the HTTP suites' check (Ory Elements hides
        // 1010004 and describes the screen in its card header, docs/kratos-facts.md).
        await Ui.ExpectVisibleAsync(NodeTarget.TotpSubmit, "on the aal2 screen after the password", "the TOTP submit of the aal2 form, factors spec §3.5 row 3");

        Step("submit a wrong TOTP code");
        await Ui.FillAsync(NodeTarget.TotpCodeField, Flows.WrongCode(TotpCode.At(secret)), "on the aal2 screen", "the TOTP input of the aal2 form, factors spec §3.5 row 2");
        await Ui.PressAsync(NodeTarget.TotpSubmit, "submit a wrong TOTP code");
        await Ui.ExpectMessageAsync(4000008, "after a wrong TOTP code", "a wrong TOTP code is refused with 4000008, factors spec §2.3, §3.5");
        await Ui.ExpectNoMessageAsync(1010004, "after a wrong TOTP code", "an error clears the flow's earlier messages, factors spec §2.3");

        Step("submit the current TOTP code");
        await Ui.FillAsync(NodeTarget.TotpCodeField, TotpCode.At(secret), "on the aal2 screen after the wrong code", "the form stays for another attempt, factors spec §2.3");
        await Ui.PressAsync(NodeTarget.TotpSubmit, "submit the current TOTP code");
        await Ui.ExpectSignedInAsync("after the current TOTP code (factors spec §2.4: 303 to the return URL, an SPA follows continue_with)");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after the TOTP code", [("password", "aal1"), ("totp", "aal2")]);
    }
}
