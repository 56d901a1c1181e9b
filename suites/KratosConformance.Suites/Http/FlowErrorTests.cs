using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario flow-errors: the requests a login UI gets wrong, answered as Kratos answers them (spec §2.2, §2.3, §4.1):
/// an aal Kratos does not know (400), a return_to outside selfservice.allowed_return_urls (400
/// self_service_flow_return_to_forbidden), a flow id that does not exist or is missing (404, ory/x sqlcon's ErrNoRows:
/// Kratos looks the missing id up as uuid.Nil; docs/kratos-facts.md "Unknown flows"), a form submitted without a flow
/// id (400; a browser is sent to the error UI), an error id that does not exist (404), whoami without a session (401).
/// A deployment that accepts these silently sends users to the wrong place or hides a broken UI.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FlowErrorTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "flow-errors",
        "§2.2/§2.3/§3/§4.1: aal=aal3 gives 400 naming the AALs Kratos knows, a return_to outside allowed_return_urls 400 self_service_flow_return_to_forbidden, an unknown or missing flow id 404 Unable to locate the resource, a submission without a flow id or with the nil UUID 400 (a browser to the error UI), an unknown error id 404, whoami without a session 401 with ErrNoSessionFound's reason");

    [TestCaseSource(nameof(Cases))]
    public async Task FlowErrors(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var user = NewClient(client, flows.Deployment);

        var badAal = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal3" }), "after creating a login flow with aal=aal3");
        var aalError = Error(badAal, client, 400, "an aal other than aal1/aal2 can not be parsed, spec §2.3");
        ErrorCodeChecks.Is(badAal, aalError, 400, "spec §2.3");
        ErrorChecks.TextsAreKratos(badAal, aalError);
        ErrorChecks.ReasonIs(badAal, aalError, "Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got aal3", "NewLoginFlow's SwitchExact knows aal1 and aal2 only (selfservice/flow/login/handler.go; Kratos's handler_test.go asserts this text), spec §2.3");

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

        var noFlow = Observe(await user.SubmitLoginAsync(new LoginFlow { Id = string.Empty }, LoginSubmission.Password("nobody@example.org", "not-a-password")), "after submitting a login form without a flow id");
        var noFlowError = Error(noFlow, client, 400, "updateLoginFlow refuses a missing flow id before any lookup (selfservice/flow/flow.go GetFlowID; docs/kratos-facts.md \"Unknown flows\")");
        ErrorCodeChecks.Is(noFlow, noFlowError, 400, "docs/kratos-facts.md \"Unknown flows\"");
        ErrorChecks.ReasonIs(noFlow, noFlowError, "The flow query parameter is missing or malformed.", "selfservice/flow/flow.go GetFlowID, docs/kratos-facts.md \"Unknown flows\"");

        // The nil UUID is well-formed but is what x.ParseUUID makes of a malformed id: GetFlowID refuses it the same way.
        var nilFlow = Observe(await user.SubmitLoginAsync(new LoginFlow { Id = Guid.Empty.ToString() }, LoginSubmission.Password("nobody@example.org", "not-a-password")), "after submitting a login form to the nil flow id 00000000-0000-0000-0000-000000000000");
        var nilFlowError = Error(nilFlow, client, 400, "updateLoginFlow refuses the nil UUID as missing or malformed (selfservice/flow/flow.go GetFlowID compares with uuid.Nil; docs/kratos-facts.md \"Unknown flows\")");
        ErrorChecks.ReasonIs(nilFlow, nilFlowError, "The flow query parameter is missing or malformed.", "selfservice/flow/flow.go GetFlowID, docs/kratos-facts.md \"Unknown flows\"");

        var unknownError = Observe(await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, "self-service/errors?id=" + Guid.NewGuid())), "after fetching an error id that does not exist");
        StatusChecks.Is(unknownError, 404, "an unknown error id is not found (persister_errorx.go ReadErrorContainer: sqlcon's ErrNoRows), spec §3");
        ErrorChecks.NotFound(unknownError, unknownError.Response.Error ?? new KratosError(), "an unknown error id");

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
