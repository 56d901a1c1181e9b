using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario native-accept (native only): a native app whose HTTP client does not ask for JSON (no Accept, or
/// <c>Accept: */*</c>, the default of most HTTP libraries). Creating an API flow answers with the flow as JSON whatever
/// the Accept header (login/handler.go createNativeLoginFlow writes it), except where a strategy completes the creation
/// itself: the v26.2.0 fast path sends the code and answers as <c>x.IsJSONRequest</c> decides
/// (code/strategy_login.go loginSendCode), so without JSON in Accept the app gets a 303 to the login UI
/// (docs/kratos-facts.md "A native app that does not ask for JSON"). An app written against an older Kratos breaks
/// on this redirect after an upgrade; this scenario shows it before the upgrade does.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class NativeAcceptTests : CodeMfaTest
{
    private const string AnyType = "*/*";

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "native-accept",
        "§2.3/§2.6/§3: with Accept: */* an API login flow is created with 200 + JSON (aal1; aal2 with two code addresses); at v26.2.0 the fast path of one address answers 303 to the login UI with the sent_email flow, older versions 200 + JSON",
        ClientStyle.Native);

    [TestCaseSource(nameof(Cases))]
    public async Task NativeAccept(ClientStyle client)
    {
        var flows = await FlowsAsync();

        Step("create an aal1 API login flow with Accept: */*");
        var stranger = NewClient(client, flows.Deployment);
        var aal1 = Observe(await stranger.SendAsync(Create(null, null)), "after creating an aal1 API login flow with Accept: */*");
        StatusChecks.FlowCreated(aal1, client);
        FlowChecks.RequestedAal(aal1, "aal1");

        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        Step("create an aal2 API login flow with Accept: */* (one code address)");
        var aal2 = Observe(await user.SendAsync(Create("aal2", user.SessionToken)), "after creating an aal2 API login flow with Accept: */* for an identity with one code address");
        if (flows.Expect.AutoSendsAal2)
        {
            StatusChecks.RedirectedToFlow(aal2, $"Kratos {flows.Expect.Version}'s fast path sends the code and answers a request that does not ask for JSON with a redirect to the login UI, API flows included (code/strategy_login.go loginSendCode), spec §2.6");
            FlowChecks.State(aal2, "sent_email", "the fast path sent the code before answering, spec §2.6");
        }
        else
        {
            StatusChecks.FlowCreated(aal2, client);
            FlowChecks.State(aal2, "choose_method", $"Kratos {flows.Expect.Version} has no fast path: the API flow is written as JSON, spec §2.3, §2.6");
        }

        var two = await NewIdentityWithSecondAddressAsync(flows.Deployment);
        var chooser = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(chooser, two);
        Step("create an aal2 API login flow with Accept: */* (two code addresses)");
        var choosing = Observe(await chooser.SendAsync(Create("aal2", chooser.SessionToken)), "after creating an aal2 API login flow with Accept: */* for an identity with two code addresses");
        StatusChecks.FlowCreated(choosing, client);
        FlowChecks.State(choosing, "choose_method", "two code addresses: no fast path on any version, so the API flow is written as JSON, spec §2.6");
    }

    /// <summary>GET /self-service/login/api with Accept: */* (and the session token, when there is one).</summary>
    private static HttpRequestMessage Create(string? aal, string? sessionToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, aal is null ? "self-service/login/api" : "self-service/login/api?aal=" + aal);
        request.Headers.TryAddWithoutValidation("Accept", AnyType);
        if (sessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Session-Token", sessionToken);
        }

        return request;
    }
}
