using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario accept-negotiation (SPA only): which answer a browser-flow client gets for its Accept header. Kratos treats
/// a request as JSON when golang/gddo's content negotiation over [text/html, text/*, */*, application/json] picks
/// application/json (x/isjsonrequest.go IsJSONRequest; docs/kratos-facts.md "Content negotiation"): the highest q
/// wins, then the more specific range, then the earlier offer, so text/html beats application/json on a tie, and a
/// range with a parameter other than q ends the header. An SPA whose HTTP client sends such a header gets a 303 to the
/// login UI where it expects the flow as JSON.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AcceptNegotiationTests : CodeMfaTest
{
    private static readonly (string Accept, bool Json, string Why)[] Headers =
    [
        ("application/json", true, "only application/json is acceptable"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false, "a browser's navigation: text/html matches exactly"),
        ("application/json, text/html", false, "equal q and equally specific: the earlier offer, text/html, wins"),
        ("text/html;q=0.9, application/json", true, "application/json has the higher q"),
        ("application/json, text/html;q=0", true, "q=0 makes text/html unacceptable"),
        ("application/json; charset=utf-8", false, "a parameter other than q ends the header: nothing is acceptable, the default text/html answers"),
        ("text/plain;format=flowed, application/json", false, "the parameter of text/plain ends the header before application/json"),
        ("application/json;q=0", false, "q=0: nothing is acceptable, the default text/html answers"),
        ("text/*, application/json", true, "an exact range beats type/* at equal q"),
        ("*/*", false, "anything: the first offer, text/html"),
        ("application/*", true, "application/* matches only application/json"),
        ("*/*;q=0.5, application/json;q=0.4", false, "*/* at q 0.5 gives text/html more than application/json's 0.4"),
        ("application/json;q=0.5", true, "a q below 1 still accepts, and nothing else is acceptable"),
        ("image/png, application/json;q=0.5", true, "a range of another type matches no offer, whatever its q"),
        ("text/plain;v=1, application/json", false, "a parameter named v, not q, ends the header too"),
    ];

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "accept-negotiation",
        "§3: GET /self-service/login/browser answers 200 + the flow JSON when content negotiation picks application/json, else 303 to the login UI: fifteen Accept headers (q, specificity, offer order, q=0, a parameter ending the header)",
        ClientStyle.Spa);

    [TestCaseSource(nameof(Cases))]
    public async Task AcceptNegotiation(ClientStyle client)
    {
        var flows = await FlowsAsync();
        foreach (var (accept, json, why) in Headers)
        {
            Step($"create a browser login flow with Accept: {accept} ({why})");
            var user = NewClient(client, flows.Deployment);
            using var request = new HttpRequestMessage(HttpMethod.Get, "self-service/login/browser");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            var created = Observe(await user.SendAsync(request), $"after creating a browser login flow with Accept: {accept}");
            if (json)
            {
                StatusChecks.FlowCreated(created, client);
                HeaderChecks.JsonContentType(created);
            }
            else
            {
                StatusChecks.RedirectedToFlow(created, $"Accept: {accept} is not a JSON request ({why}; x/isjsonrequest.go), so the browser flow is a redirect to the login UI, spec §3");
            }
        }
    }
}
