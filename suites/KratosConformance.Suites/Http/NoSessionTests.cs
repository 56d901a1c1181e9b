using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario no-session: aal2 needs a first factor (spec §2.1 item 3, §2.3 decision table row 1).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class NoSessionTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "no-session",
        "§2.1/§2.3/§1.6: creating an aal=aal2 login flow without any session gives 401 session_aal1_required (browser: via the error UI); so does submitting one without a session (native)");

    [TestCaseSource(nameof(Cases))]
    public async Task NoSession(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var stranger = NewClient(client, flows.Deployment);
        Step("create an aal2 login flow without a session");
        var response = Observe(await stranger.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor), "after creating an aal2 login flow without a session");
        var error = StatusChecks.ErrorReturned(response, client, 401, "session_aal1_required");
        ErrorCodeChecks.Is(response, error, 401, "session_aal1_required is a 401, spec §1.6");

        if (client == ClientStyle.Native)
        {
            // Submitting an aal2 flow needs the session too (spec §2.1 item 3): the flow of a signed-in app, submitted
            // without its token. (Browser flows would fail their CSRF check first.)
            var identity = await NewIdentityAsync(flows.Deployment);
            var owner = NewClient(client, flows.Deployment);
            await flows.SignInAal1Async(owner, identity);
            var flow = await flows.StartWithCodeSentAsync(owner, identity);
            var submitted = Observe(await stranger.SubmitLoginAsync(flow, LoginSubmission.Code("000000", identity.Email)), "after submitting an aal2 flow without a session token");
            StatusChecks.ErrorReturned(submitted, client, 401, "session_aal1_required");
        }
    }
}
