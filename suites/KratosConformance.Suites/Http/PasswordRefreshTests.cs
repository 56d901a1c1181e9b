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

        var again = await flows.RefreshWithPasswordAsync(user, identity, "after re-entering the password on the refresh flow");
        flows.AcceptedAskingForAal2(again, client, "the password is re-confirmed and highest_available still asks for the second factor, spec §3 last row, §4.2");
        if (signIn.Session is { } before)
        {
            var session = SessionChecks.Session(again);
            SessionChecks.SameId(again, session, before.Id, "a refresh continues the session it re-authenticates (login/handler.go: only another identity gets a fresh one)");
            TokenChecks.Same(again, signIn.SessionToken, "a refresh keeps the session and its token, spec §2.7");
        }

        Step("the aal2 flow now asks for the code of the identity just signed in: the second factor continues the refreshed identity");
        await CompleteSecondFactorAsync(flows, user, identity, [("password", "aal1"), ("password", "aal1"), ("code", "aal2")]);
    }
}
