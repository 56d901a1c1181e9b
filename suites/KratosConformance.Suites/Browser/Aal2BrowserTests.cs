namespace KratosConformance.Suites.Browser;

/// <summary>Scenario aal2 in a real browser: password, then the emailed code, through the login UI (spec §2.6, §2.9, §2.14, §4.2).</summary>
[TestFixture]
public sealed class Aal2BrowserTests : CodeMfaBrowserTest
{
    private static IEnumerable<TestCaseData> Cases() =>
    [
        ConformanceCases.Case(
            "aal2",
            Client,
            "§4.2/§2.6/§2.9/§2.14: in Chromium, a password sign-in is sent to the aal2 screen, the emailed code is typed into the UI and the browser holds an aal2 session [password, code]",
            Client),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2(string client)
    {
        await StartAsync(client);
        var identity = await NewIdentityAsync(Deployment);

        await SignInWithPasswordAsync(identity);
        await ReachCodeFormAsync(identity, [1010004], "on the aal2 screen after the password");
        await Ui.ExpectNoMessageAsync(1010003, "on the aal2 screen after the password", "not a refresh flow, spec §2.3 table");

        var mail = await WaitForCodeAsync(Deployment, identity, 1);
        await CompleteWithCodeAsync(mail.Code, "after submitting the emailed code");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after the code");
    }
}
