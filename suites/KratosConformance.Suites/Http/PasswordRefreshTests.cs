using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario password-refresh: <c>refresh=true</c> at aal1 on an aal1 session, answered with the right password (spec
/// §2.3 last rows; docs/kratos-facts.md "Re-authentication with the password"; selfservice/flow/login/handler.go
/// <c>updateLoginFlow</c>). Kratos continues the session it has: the password is appended to its methods, the id and
/// (native) token stay, and the second factor then completes that same session.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PasswordRefreshTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "password-refresh",
        "§2.3/§2.7: the password on an aal1 refresh flow keeps the session (id, token) and appends password to its methods; the code then upgrades that session: [password, password, code]");

    [TestCaseSource(nameof(Cases))]
    public async Task PasswordRefresh(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var signIn = await flows.SignInAal1Async(user, identity);

        var refresh = await flows.RefreshWithPasswordAsync(user, identity, "after re-entering the password on the refresh flow");
        var again = refresh.Answer;
        flows.AcceptedAskingForAal2(again, client, "the password is re-confirmed and highest_available still asks for the second factor, spec §3 last row, §4.2");
        if (signIn.Session is { } before)
        {
            var session = SessionChecks.Session(again);
            SessionChecks.SameId(again, session, before.Id, "a refresh continues the session it re-authenticates (login/handler.go: only another identity gets a fresh one)");
            TokenChecks.Same(again, signIn.SessionToken, "a refresh keeps the session and its token, spec §2.7");
        }
        else
        {
            CookieChecks.CsrfKept(again, flows.Deployment.Endpoints.PublicUrl, refresh.CsrfBefore, "the same identity's session continues: session/manager_http.go IssueCookie regenerates the anti-CSRF token only for a new principal");
        }

        var answered = Observe(await user.GetLoginFlowAsync(refresh.Flow.Id), "when fetching the refresh flow the password answered");
        StatusChecks.Is(answered, 200, "an answered flow can still be fetched, spec §2.15");
        FlowChecks.Active(answered, "password", "the password strategy names itself active on the flow it completed (password/login.go Login)");
        FlowChecks.State(answered, "choose_method", "only the code strategy moves a login flow's state; the password strategy leaves it (password/login.go Login, docs/kratos-facts.md \"What a password login leaves on its flow\")");

        Step("the aal2 flow now asks for the code of the identity just signed in: the second factor continues the refreshed identity");
        await CompleteSecondFactorAsync(flows, user, identity, [("password", "aal1"), ("password", "aal1"), ("code", "aal2")]);
    }
}
