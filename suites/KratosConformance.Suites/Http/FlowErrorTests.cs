using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario flow-errors: the requests a login UI gets wrong, answered as Kratos answers them (spec §2.2, §2.3, §4.1):
/// an aal Kratos does not know (400), a return_to outside selfservice.allowed_return_urls (400
/// self_service_flow_return_to_forbidden), a flow id that does not exist or is missing (404, ory/x sqlcon's ErrNoRows:
/// Kratos looks the missing id up as uuid.Nil; docs/kratos-facts.md "Unknown flows"), whoami without a
/// session (401). A deployment that accepts these silently sends users to the wrong place or hides a broken UI.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FlowErrorTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "flow-errors",
        "§2.2/§2.3/§4.1: aal=aal3 gives 400, a return_to outside allowed_return_urls 400 self_service_flow_return_to_forbidden, an unknown or missing flow id 404 Unable to locate the resource, whoami without a session 401 with ErrNoSessionFound's reason");

    [TestCaseSource(nameof(Cases))]
    public async Task FlowErrors(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var user = NewClient(client, flows.Deployment);

        var badAal = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal3" }), "after creating a login flow with aal=aal3");
        var aalError = Error(badAal, client, 400, "an aal other than aal1/aal2 can not be parsed, spec §2.3");
        ErrorCodeChecks.Is(badAal, aalError, 400, "spec §2.3");
        ErrorChecks.TextsAreKratos(badAal, aalError);

        var foreign = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { ReturnTo = "https://evil.example/after-login" }), "after creating a login flow with a return_to outside allowed_return_urls");
        StatusChecks.ErrorReturned(foreign, client, 400, "self_service_flow_return_to_forbidden");

        var unknown = Observe(await user.GetLoginFlowAsync(Guid.NewGuid().ToString()), "after fetching a flow id that does not exist");
        StatusChecks.Is(unknown, 404, "an unknown flow is not found, spec §2.2");
        HeaderChecks.JsonContentType(unknown);
        ErrorCodeChecks.Is(unknown, unknown.Response.Error ?? new KratosError(), 404, "spec §2.2");
        ErrorChecks.NotFound(unknown, unknown.Response.Error ?? new KratosError(), "an unknown flow id");

        var missing = Observe(await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, "self-service/login/flows")), "after fetching a flow without an id");
        StatusChecks.Is(missing, 404, "without an id getLoginFlow looks up uuid.Nil (x.ParseUUID), which is not found, spec §2.2");
        ErrorChecks.NotFound(missing, missing.Response.Error ?? new KratosError(), "a flow fetch without an id");

        var anonymous = Observe(await user.WhoAmIAsync(), "on /sessions/whoami without any session");
        StatusChecks.Is(anonymous, 401, "no session at all gives 401, spec §4.1");
        HeaderChecks.JsonContentType(anonymous);
        SessionChecks.NotAal2(anonymous, "there is no session, spec §4.1");
        ErrorChecks.TextsAreKratos(anonymous, anonymous.Response.Error ?? new KratosError());
        ErrorChecks.ReasonIs(anonymous, anonymous.Response.Error ?? new KratosError(), "No valid session credentials found in the request.", "whoami writes session/error.go ErrNoSessionFound, spec §4.1");
    }

    // A browser is sent to the error UI with the stored error; JSON clients get the status (spec §3).
    private KratosError Error(Observation o, ClientStyle client, int status, string why)
    {
        StatusChecks.Is(o, client == ClientStyle.Browser ? 303 : status, client == ClientStyle.Browser ? "a browser is sent to the error UI, " + why : why);
        return o.Response.Error ?? new KratosError();
    }
}
