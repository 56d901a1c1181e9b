using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario first-factor-errors: the password step every code-MFA login starts with, when it goes wrong (spec §1.3,
/// §2.11, §8): a wrong password gives 4000006 on the same flow, a missing password 4000002 on the password node, and
/// neither leaves a session. A deployment that accepts a wrong first factor makes the second one the only one.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FirstFactorErrorTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "first-factor-errors",
        "§1.3/§8/§2.3: the password form; a wrong password gives 4000006 and a missing one 4000002 on the password node, on the same flow and without a session; the right password signs in; refresh=true then shows the re-authentication form [1010003]");

    [TestCaseSource(nameof(Cases))]
    public async Task FirstFactorErrors(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var created = Observe(await user.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor), "after creating a password login flow");
        StatusChecks.FlowCreated(created, client);
        FlowChecks.RequestedAal(created, "aal1");
        FlowChecks.FormPostsToFlow(created, flows.Deployment.Endpoints.PublicUrl);
        NodeChecks.Present(created, new NodeExpectation("password", "password", "password") { Required = true, LabelId = 1070001, Autocomplete = "current-password" }, "the password input, spec §4.3 (password/login.go)");
        NodeChecks.Present(created, new NodeExpectation("password", "method", "submit") { Value = "password", LabelId = 1010022 }, "sign in with password, spec §1.1");
        var label = flows.Expect.IdentifierLabel;
        NodeChecks.Present(
            created,
            new NodeExpectation("default", "identifier", "text") { Value = string.Empty, Required = true, Autocomplete = string.Empty, LabelId = label?.Id, LabelContext = label?.Context ?? new Dictionary<string, string>() },
            label is null
                ? "the identifier input, empty, no autocomplete, spec §1.2 (its label is not judged: the deployment's identity schema is not known)"
                : $"the identifier input, empty (value \"\" in Kratos's PopulateLoginMethodFirstFactor snapshot), no autocomplete, labelled {label.Id} \"{label.Text}\": 1070002 with the title of the one identity-schema trait that names the identifier (password, WebAuthn or code identifier, passkey display name, TOTP account name), else 1070004 ID, spec §1.2 (login/extension_identifier_label.go; docs/kratos-facts.md)");
        CodeFormChecks.CsrfWhateverTheType(created, client, "every aal1 password form carries it, API flows included (the password hydrator calls SetCSRF whatever the flow type), spec §2.3");
        NodeChecks.Once(created, "default", "csrf_token", "the hydrators and NewLoginFlow all set it through UI.SetCSRF, which replaces the node (ui/container/container.go SetCSRF), spec §2.3");

        var wrong = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.Password(identity.Email, identity.Password + "-wrong")), "after submitting a wrong password");
        StatusChecks.FlowRendered(wrong, client);
        FlowChecks.KeptFrom(wrong, FlowChecks.Flow(created), "errors are written onto the flow, spec §2.11");
        MessageChecks.ExactlyIds(wrong, [4000006], "a wrong password, spec §1.3");

        var missing = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(wrong), LoginSubmission.Password(identity.Email, string.Empty).Without("password")), "after submitting without a password");
        StatusChecks.FlowRendered(missing, client);
        NodeChecks.HasMessage(missing, "password", "password", "password", 4000002, "the required password, spec §1.3");
        var anonymous = Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the failed password logins");
        StatusChecks.Is(anonymous, 401, "a failed first factor leaves no session, spec §4.1");

        var csrfBefore = CookieChecks.CsrfValue(user, flows.Deployment.Endpoints.PublicUrl);
        var right = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(missing), LoginSubmission.Password(identity.Email, identity.Password)), "after submitting the right password");
        StatusChecks.Is(right, client switch { ClientStyle.Browser => 303, ClientStyle.Spa => 422, _ => 200 }, "the first factor is done and highest_available asks for the second, spec §3 last row, §4.2");
        if (client != ClientStyle.Native)
        {
            CookieChecks.CsrfRenewed(right, flows.Deployment.Endpoints.PublicUrl, csrfBefore, "the first session of this browser is a new principal: session/manager_http.go IssueCookie regenerates the anti-CSRF token (docs/kratos-facts.md \"A new session renews the CSRF cookie\")");
        }

        // refresh=true at aal1 on that session: the password re-authentication form (spec §2.3 last rows, §4.3).
        var refresh = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Refresh = true }), "after creating an aal1 refresh login flow on the aal1 session");
        StatusChecks.FlowCreated(refresh, client);
        FlowChecks.Refresh(refresh, true);
        MessageChecks.ExactlyIds(refresh, [1010003], "refresh asks to re-authenticate, and aal1 never adds 1010004, spec §2.3");
        NodeChecks.Present(refresh, new NodeExpectation("default", "identifier", "hidden") { Value = identity.Email, Required = false }, "the session identity's identifier, hidden, spec §2.3 (password first-factor refresh)");
        NodeChecks.Present(refresh, new NodeExpectation("password", "password", "password") { Required = true, LabelId = 1070001, Autocomplete = "current-password" }, "the password input, spec §4.3");
        NodeChecks.Present(refresh, new NodeExpectation("password", "method", "submit") { Value = "password", LabelId = 1010001 }, "the refresh button reads Sign in, spec §1.1");
        NodeChecks.Absent(refresh, "code", "address", "submit", "the code strategy adds nothing to an aal1 flow in MFA mode, spec §2.3");
    }
}
