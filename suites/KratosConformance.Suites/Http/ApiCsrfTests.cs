using System.Net.Http.Json;
using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario api-browser-artefacts (native only): an API flow refuses requests that carry a browser's artefacts, a
/// Cookie or an Origin header, with 400 and 4000001 (spec §3 CSRF row, selfservice/flow/request.go EnsureCSRF): API
/// flows have no CSRF token, so this is what keeps a browser page from driving them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ApiCsrfTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "api-browser-artefacts",
        "§3: submitting the right code to an API flow with a Cookie or an Origin header gives 400 + 4000001 and completes nothing; without them the code completes the login",
        ClientStyle.Native);

    [TestCaseSource(nameof(Cases))]
    public async Task ApiBrowserArtefacts(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        foreach (var (header, value) in new[] { ("Cookie", "some_cookie=1"), ("Origin", "https://app.example") })
        {
            Step($"submit the right code with a {header} header");
            using var request = new HttpRequestMessage(HttpMethod.Post, flow.Ui.Action.Length > 0 ? flow.Ui.Action : "self-service/login?flow=" + flow.Id)
            {
                Content = JsonContent.Create(new { method = "code", code = mail.Code, identifier = identity.Email }),
            };
            request.Headers.TryAddWithoutValidation("X-Session-Token", user.SessionToken);
            request.Headers.TryAddWithoutValidation(header, value);
            var refused = Observe(await user.SendAsync(request), $"after submitting the right code with a {header} header");
            StatusChecks.FlowRendered(refused, client);
            MessageChecks.ExactlyIds(refused, [4000001], $"an API flow refuses a {header} header, spec §3 (EnsureCSRF)");
            SessionChecks.NotAal2(Observe(await user.WhoAmIAsync(), $"on /sessions/whoami after the submission with a {header} header"), "a refused submission completes nothing, spec §3");
        }

        await flows.CompleteAsync(user, flow, mail.Code, identity, "submitting the right code without browser artefacts");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
