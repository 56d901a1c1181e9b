using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Backup codes in a real browser (factors spec §4.3, §4.4): generate, confirm and reveal them on the UI's settings
/// page, reading the codes off the page, and sign in at aal2 with one.
/// </summary>
[TestFixture]
public sealed class LookupBrowserTests : FactorBrowserTest
{
    private static IEnumerable<TestCaseData> Lifecycle() =>
    [
        Case("settings", "lookup-secret", "lifecycle",
            "factors §4.3/§7.5: in Chromium, generate shows 12 codes with confirm; confirm saves them (1050001, reveal + disable offered, session aal2 [password, lookup_secret]); reveal shows the same codes"),
    ];

    private static IEnumerable<TestCaseData> Aal2() =>
    [
        Case("login", "lookup-secret", "aal2",
            "factors §4.4/§2.3/§2.4: in Chromium, a password sign-in of an identity with backup codes lands on the aal2 screen (the backup-code form), an unknown code shows 4000016, one of its codes signs in at aal2 [password, lookup_secret]"),
    ];

    [TestCaseSource(nameof(Lifecycle))]
    public async Task BackupCodesInSettingsUi(string client)
    {
        await StartFactorAsync(client, KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(Deployment);
        await SignInAal1Async(identity);

        await Ui.OpenSettingsAsync("when opening the settings page");
        Step("generate backup codes");
        await Ui.PressAsync(NodeTarget.LookupRegenerate, "generate backup codes");
        var codes = await Ui.ReadBackupCodesAsync("after generating backup codes");
        await Ui.ExpectNoMessageAsync(1050001, "after generating backup codes", "generated codes are not saved until confirmed, factors spec §4.3");
        await StoredAsync(identity, "lookup_secret", present: false, null, "regenerate stores the codes only in the flow until confirm, factors spec §4.3");

        Step("confirm the backup codes");
        await Ui.PressAsync(NodeTarget.LookupConfirm, "confirm the backup codes");
        await Ui.ExpectMessageAsync(1050001, "after confirming the backup codes", "confirm saves the codes, factors spec §4.3, §7.5");
        await Ui.ExpectVisibleAsync(NodeTarget.LookupReveal, "after confirming the backup codes", "saved codes hide behind reveal, factors spec §4.3 row 2");
        await Ui.ExpectVisibleAsync(NodeTarget.LookupDisable, "after confirming the backup codes", "saved codes can be disabled, factors spec §4.3 row 2");
        await StoredAsync(identity, "lookup_secret", present: true, null, "confirm saves the codes as the lookup_secret credential, factors spec §4.3, §4.5");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after confirming", [("password", "aal1"), ("lookup_secret", "aal2")], addedInSettings: 1);

        Step("reveal the saved backup codes");
        await Ui.PressAsync(NodeTarget.LookupReveal, "reveal the backup codes");
        var revealed = await Ui.ReadBackupCodesAsync("after revealing the backup codes");
        Check.Verify(await Steps.StoredAsync(identity, "lookup_secret", "on the admin API after reveal (comparing the revealed codes)"), FactorChecks.Codes, revealed.SequenceEqual(codes), new FailureText
        {
            Headline = "revealed codes differ from the confirmed ones",
            Subject = "the codes the settings page revealed",
            Expectation = "be the codes confirmed before",
            Why = "reveal shows the saved codes, factors spec §4.3",
            Actual = "they were " + Check.List(revealed),
            Expected = Check.List(codes),
            Observed = Check.List(revealed),
        });
    }

    [TestCaseSource(nameof(Aal2))]
    public async Task SignInWithBackupCodeUi(string client)
    {
        await StartFactorAsync(client, KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(Deployment);
        var codes = await Steps.WithLookupAsync(ClientStyle.Browser, identity);

        await SignInWithPasswordAsync(identity);
        // The aal2 screen is known by its form: its info message 1010004 is the HTTP suites' check (Ory Elements hides
        // 1010004 and describes the screen in its card header, docs/kratos-facts.md).
        await Ui.ExpectVisibleAsync(NodeTarget.LookupSubmit, "on the aal2 screen after the password", "the backup-code submit of the aal2 form, factors spec §4.4 row 3");

        Step("submit an unknown backup code");
        await Ui.FillAsync(NodeTarget.LookupCodeField, "zzzzzzzz", "on the aal2 screen", "the backup-code input, factors spec §4.4 row 2");
        await Ui.PressAsync(NodeTarget.LookupSubmit, "submit an unknown backup code");
        await Ui.ExpectMessageAsync(4000016, "after an unknown backup code", "an unknown backup code gives 4000016, factors spec §4.4");

        Step("submit the first backup code");
        await Ui.FillAsync(NodeTarget.LookupCodeField, codes[0], "on the aal2 screen after the unknown code", "the form stays for another attempt, factors spec §2.3");
        await Ui.PressAsync(NodeTarget.LookupSubmit, "submit the first backup code");
        await Ui.ExpectSignedInAsync("after a backup code (factors spec §2.4: 303 to the return URL, an SPA follows continue_with)");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after the backup code", [("password", "aal1"), ("lookup_secret", "aal2")]);
    }
}
