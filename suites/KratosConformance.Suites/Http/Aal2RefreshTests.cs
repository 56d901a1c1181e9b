using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario aal2-refresh: <c>aal=aal2&amp;refresh=true</c>, first on the aal1 session, then again on the resulting aal2
/// session (spec §2.3 decision table, §2.7). A refresh keeps the session and moves authenticated_at forward.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Aal2RefreshTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "aal2-refresh",
        "§2.3/§2.7/§2.13: aal2+refresh shows [1010003, 1010004] on aal1 and [1010003] on aal2; success keeps the session id and moves authenticated_at forward; the used code on the completed refresh flow gives 4010002");

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2Refresh(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var signIn = await flows.SignInAal1Async(user, identity);

        // On the aal1 session: re-authentication plus the second factor (spec §2.3 row aal2&refresh / aal1).
        var created = await flows.StartAal2Async(user, refresh: true);
        if (flows.Expect.AutoSendsAal2)
        {
            Step($"choose_method is not observable: Kratos {flows.Expect.Version} auto-sends the code on creation (spec §2.6 fast path)");
        }
        else
        {
            CodeFormChecks.ChooseMethod(created, client, identity.Email, [1010003, 1010004], "refresh on an aal1 session asks to re-authenticate and for the second factor, spec §2.3");
        }

        var sent = await flows.SendCodeAsync(user, created, identity);
        CodeFormChecks.SentEmail(sent, client, identity.Email, flows.Expect);
        var first = await WaitForCodeAsync(flows.Deployment, identity, 1);
        await flows.CompleteAsync(user, FlowChecks.Flow(sent), first.Code, identity);
        var (whoami, aal2) = await flows.WhoAmIAal2Async(user, identity);
        if (signIn.Session is { } aal1)
        {
            SessionChecks.SameId(whoami, aal2, aal1.Id, "a refresh keeps the session id, spec §2.7");
            SessionChecks.AuthenticatedAfter(whoami, aal2, aal1.AuthenticatedAt, "a refresh resets authenticated_at, spec §2.7");
        }

        // On the aal2 session: only re-authentication (spec §2.3 row aal2&refresh / aal2).
        var again = await flows.StartAal2Async(user, refresh: true);
        if (!flows.Expect.AutoSendsAal2)
        {
            CodeFormChecks.ChooseMethod(again, client, identity.Email, [1010003], "refresh on an aal2 session only asks to re-authenticate, spec §2.3");
        }

        var resent = await flows.SendCodeAsync(user, again, identity);
        CodeFormChecks.SentEmail(resent, client, identity.Email, flows.Expect);
        var second = await WaitForCodeAsync(flows.Deployment, identity, 2);
        var done = await flows.CompleteAsync(user, FlowChecks.Flow(resent), second.Code, identity, "submitting the code of the refresh on the aal2 session");
        if (client == ClientStyle.Native)
        {
            TokenChecks.Same(done, signIn.SessionToken, "a refresh keeps the session and its token, spec §2.7, §2.14 step 5");
        }

        // The code of a completed refresh flow again: refresh skips the valid-session check, the flow is in
        // passed_challenge, so the code strategy finds nothing to do (spec §2.13 [C]).
        var replay = await flows.SubmitCodeAsync(user, FlowChecks.Flow(resent), second.Code, identity, "submitting the used code again to the completed refresh flow");
        StatusChecks.FlowRendered(replay, client);
        MessageChecks.ExactlyIds(replay, [4010002], "a completed refresh flow has no strategy left, spec §2.13, §2.4");

        // The code method is appended again (spec §2.7: "The code method is appended to authentication_methods").
        var (refreshed, session) = await flows.WhoAmIAal2Async(user, identity, [.. SessionChecks.PasswordThenCode, ("code", "aal2")]);
        SessionChecks.SameId(refreshed, session, aal2.Id, "a refresh keeps the session id, spec §2.7");
        SessionChecks.AuthenticatedAfter(refreshed, session, aal2.AuthenticatedAt, "a refresh resets authenticated_at, spec §2.7 ([T] Playwright: not earlier than before)");
    }
}
