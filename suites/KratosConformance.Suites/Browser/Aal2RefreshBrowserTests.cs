using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Browser;

/// <summary>Scenario aal2-refresh in a real browser: re-authenticating an aal2 session with a new code (spec §2.3, §2.7).</summary>
[TestFixture]
public sealed class Aal2RefreshBrowserTests : CodeMfaBrowserTest
{
    private static IEnumerable<TestCaseData> Cases() =>
    [
        ConformanceCases.Case(
            "aal2-refresh",
            Client,
            "§2.3/§2.7: in Chromium, ?aal=aal2&refresh=true on an aal2 session shows 1010003, a new emailed code re-authenticates and the browser keeps the same session, authenticated_at moved forward",
            Client),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2Refresh(string client)
    {
        await StartAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        await SignInWithPasswordAsync(identity);
        await ReachCodeFormAsync(identity, [1010004], "on the aal2 screen after the password");
        var first = await WaitForCodeAsync(Deployment, identity, 1);
        await CompleteWithCodeAsync(first.Code, "after submitting the first code");
        var (_, before) = await WhoAmIAal2Async(identity, "on /sessions/whoami after the first code");

        Step("refresh the aal2 session");
        await Ui.OpenAsync("aal=aal2&refresh=true", "when opening ?aal=aal2&refresh=true on an aal2 session");
        await ReachCodeFormAsync(identity, [1010003], "on the refresh screen of an aal2 session");
        await Ui.ExpectNoMessageAsync(1010004, "on the refresh screen of an aal2 session", "the session is aal2 already, spec §2.3 table");

        var second = await WaitForCodeAsync(Deployment, identity, 2);
        await CompleteWithCodeAsync(second.Code, "after submitting the refresh code");
        var (o, after) = await WhoAmIAal2Async(
            identity,
            "on /sessions/whoami after the refresh",
            [("password", "aal1"), ("code", "aal2"), ("code", "aal2")]);
        SessionChecks.SameId(o, after, before.Id, "a refresh keeps the session, spec §2.7");
        SessionChecks.AuthenticatedAfter(o, after, before.AuthenticatedAt, "a refresh resets authenticated_at, spec §2.7");
    }
}
