using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Browser;

/// <summary>Scenario resend in a real browser: "Resend code" mails a new code and retires the old one (spec §2.10).</summary>
[TestFixture]
public sealed class ResendBrowserTests : CodeMfaBrowserTest
{
    private static IEnumerable<TestCaseData> Cases() =>
    [
        ConformanceCases.Case(
            "resend",
            Client,
            "§2.10: in Chromium, \"Resend code\" re-renders the code screen and mails a new code; the old code is rejected with 4010008 and the new one signs in at aal2",
            Client),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Resend(string client)
    {
        await StartAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        await SignInWithPasswordAsync(identity);
        await ReachCodeFormAsync(identity, [1010004], "on the aal2 screen after the password");
        var first = await WaitForCodeAsync(Deployment, identity, 1);

        Step("resend the code");
        await Ui.PressResendAsync();
        await ExpectCodeFormAsync("after pressing \"Resend code\"");
        var second = await WaitForCodeAsync(Deployment, identity, 2);

        // Two random six-digit codes coincide once in a million runs; then the old code is the new one and proves nothing.
        if (second.Code != first.Code)
        {
            Step("submit the code the resend replaced");
            await Ui.SubmitCodeAsync(first.Code, "submit the replaced code");
            await Ui.ExpectMessageAsync(4010008, "after submitting the code the resend replaced", "a resend deletes every earlier code of the flow, spec §2.10");
        }

        await CompleteWithCodeAsync(second.Code, "after submitting the resent code");
        await WhoAmIAal2Async(identity, "on /sessions/whoami after the resent code");
    }
}
