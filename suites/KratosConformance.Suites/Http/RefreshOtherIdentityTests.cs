using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario refresh-other-identity: the refresh flow of one identity's session answered with another identity's
/// identifier and password (docs/kratos-facts.md "Re-authentication with the password"; selfservice/flow/login/handler.go
/// <c>updateLoginFlow</c>: "we re-authenticate as another user. In this case, we need to use a completely fresh
/// session"). Kratos signs the other identity in with a new session; it never hangs the other identity's login on the
/// first one's session.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RefreshOtherIdentityTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "refresh-other-identity",
        "§2.3: another identity's password on a refresh flow signs that identity in with a fresh session (new id and token), which its code then upgrades: [password, code]");

    [TestCaseSource(nameof(Cases))]
    public async Task RefreshOtherIdentity(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var first = await NewIdentityAsync(flows.Deployment);
        var other = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var signIn = await flows.SignInAal1Async(user, first);

        var refresh = await flows.RefreshWithPasswordAsync(user, other, "after entering another identity's password on the refresh flow");
        var switched = refresh.Answer;
        flows.AcceptedAskingForAal2(switched, client, "the other identity passed its first factor and highest_available asks for its second, spec §3 last row, §4.2");
        if (signIn.Session is { } before)
        {
            var session = SessionChecks.Session(switched);
            SessionChecks.FreshId(switched, session, before.Id, "another identity gets a completely fresh session (login/handler.go updateLoginFlow)");
            TokenChecks.Fresh(switched, signIn.SessionToken, "the fresh session has its own token");
        }
        else
        {
            CookieChecks.CsrfRenewed(switched, flows.Deployment.Endpoints.PublicUrl, refresh.CsrfBefore, "a session for another identity is a new principal: session/manager_http.go IssueCookie regenerates the anti-CSRF token (docs/kratos-facts.md \"A new session renews the CSRF cookie\")");
        }

        Step("the aal2 flow now asks for the code of the identity just signed in: the second factor belongs to the identity that just signed in, not to the first one");
        await CompleteSecondFactorAsync(flows, user, other);
    }
}
