using KratosConformance.Client.Scenarios;

namespace KratosConformance.Suites.Browser;

/// <summary>Scenario wrong-code in a real browser: a wrong code is rejected on the page, the right one still works (spec §2.11).</summary>
[TestFixture]
public sealed class WrongCodeBrowserTests : CodeMfaBrowserTest
{
    private static IEnumerable<TestCaseData> Cases() =>
    [
        ConformanceCases.Case(
            "wrong-code",
            Client,
            "§2.11: in Chromium, a wrong code re-renders the code screen with 4010008 (the code-sent message gone) and the right code then signs in at aal2",
            Client),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task WrongCode(string client)
    {
        await StartAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        await SignInWithPasswordAsync(identity);
        await ReachCodeFormAsync(identity, [1010004], "on the aal2 screen after the password");
        var mail = await WaitForCodeAsync(Deployment, identity, 1);

        Step("submit a wrong code");
        await Ui.SubmitCodeAsync(CodeLoginDriver.WrongCode(mail.Code), "submit a wrong code");
        const string situation = "after submitting a wrong code";
        await Ui.ExpectMessageAsync(4010008, situation, "a wrong code is rejected on the flow, spec §2.11");
        // The message the flow carried before (not 1010025, which no flow of this version carries): a UI that renders
        // ui.messages drops it; a header a UI derives from the state itself is not a stale message.
        await Ui.ExpectNoMessageAsync(Expect.CodeSentMessageId, situation, "the error replaces the code-sent info the flow carried (ResetMessages), spec §2.11");
        await Ui.ExpectVisibleAsync(NodeTarget.CodeField, situation, "the flow stays in sent_email and asks again, spec §2.11");

        await CompleteWithCodeAsync(mail.Code, "after submitting the right code after a wrong one");
        await WhoAmIAal2Async(identity, "on /sessions/whoami after the right code");
    }
}
