using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario aal2: the whole second factor on an aal1 session, every screen and the resulting session (spec §2.6,
/// §2.8, §2.9, §2.14, §2.15).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Aal2Tests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "aal2",
        "§2.6/§2.8/§2.9/§2.14: an aal2 flow sends the code, shows the code form, and the emailed code upgrades the same session to aal2 [password, code]");

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var signIn = await flows.SignInAal1Async(user, identity);

        var created = await flows.StartAal2Async(user);
        if (flows.Expect.AutoSendsAal2)
        {
            Step($"choose_method is not observable: Kratos {flows.Expect.Version} auto-sends the code on creation (spec §2.6 fast path)");
        }
        else
        {
            CodeFormChecks.ChooseMethod(created, client, identity.Email, [1010004], "an aal2 flow on an aal1 session asks for the second factor, spec §2.3");
        }

        var sent = await flows.SendCodeAsync(user, created, identity);
        CodeFormChecks.SentEmail(sent, client, identity.Email, flows.Expect);

        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        var flow = FlowChecks.Flow(sent);
        var csrfBefore = CookieChecks.CsrfValue(user, flows.Deployment.Endpoints.PublicUrl);
        var done = await flows.CompleteAsync(user, flow, mail.Code, identity);
        if (client != ClientStyle.Native)
        {
            CookieChecks.CsrfKept(done, flows.Deployment.Endpoints.PublicUrl, csrfBefore, "the second factor continues the same identity's session: session/manager_http.go IssueCookie regenerates the anti-CSRF token only for a new principal");
        }
        if (client == ClientStyle.Native)
        {
            // The API answer repeats the token the client sent (spec §2.14 step 5 table, API row).
            TokenChecks.Same(done, signIn.SessionToken, "the aal2 upgrade keeps the session and its token, spec §2.14 step 5");
        }

        var (whoami, session) = await flows.WhoAmIAal2Async(user, identity);
        if (signIn.Session is { } before)
        {
            SessionChecks.SameId(whoami, session, before.Id, "the second factor upgrades the existing session, spec §2.14 step 3, §9 note 6");
            SessionChecks.AuthenticatedAfter(whoami, session, before.AuthenticatedAt, "authenticated_at is reset by the code login, spec §2.14 step 3");
        }

        var after = Observe(await user.GetLoginFlowAsync(flow.Id), "when fetching the flow after the login");
        StatusChecks.Is(after, 200, "a completed flow can still be fetched, spec §2.15");
        FlowChecks.State(after, "passed_challenge", "a correct code ends the flow, spec §2.4, §2.15");

        if (client == ClientStyle.Native)
        {
            // The token also authenticates as a bearer token (spec §2.1 item 3: X-Session-Token or Authorization: Bearer).
            using var bearer = new HttpRequestMessage(HttpMethod.Get, "sessions/whoami");
            bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.SessionToken);
            var token = user.SessionToken;
            user.UseSessionToken(null);
            var viaBearer = Observe(await user.SendAsync(bearer), "on /sessions/whoami with Authorization: Bearer instead of X-Session-Token");
            user.UseSessionToken(token);
            SessionChecks.Aal2AfterCode(viaBearer, identity.Id, email: identity.Email);
        }

        // A gateway's own Authorization header beside the session (session/manager_http.go extractToken: X-Session-Token
        // first, then the session cookie, Authorization: Bearer only without either): the session still answers.
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "sessions/whoami");
        foreign.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-kratos-session-token");
        if (client == ClientStyle.Native)
        {
            foreign.Headers.TryAddWithoutValidation("X-Session-Token", user.SessionToken);
        }

        var withForeign = Observe(await user.SendAsync(foreign), "on /sessions/whoami with the session and a foreign Authorization: Bearer header");
        SessionChecks.Aal2AfterCode(withForeign, identity.Id, email: identity.Email);

        var stored = Observe(await Scope.Admin(flows.Deployment).GetIdentityAsync(identity.Id), "on GET /admin/identities/{id} after the code login");
        IdentityChecks.AddressVerified(stored, identity, done);
    }
}
