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
        "§2.1/§2.3/§1.6: creating an aal=aal2 login flow without any session gives 401 session_aal1_required (browser: via the error UI)");

    [TestCaseSource(nameof(Cases))]
    public async Task NoSession(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var stranger = NewClient(client, flows.Deployment);
        Step("create an aal2 login flow without a session");
        var response = Observe(await stranger.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor), "after creating an aal2 login flow without a session");
        var error = StatusChecks.ErrorReturned(response, client, 401, "session_aal1_required");
        ErrorCodeChecks.Is(response, error, 401, "session_aal1_required is a 401, spec §1.6");
    }
}
