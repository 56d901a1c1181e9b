using System.Net.Http.Json;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario api-browser-artefacts (native only): an API flow refuses requests that carry a browser's artefacts, a
/// Cookie or an Origin header, with 400 and 4000001 whose text names the header (spec §3 CSRF row,
/// selfservice/flow/request.go EnsureCSRF): API flows have no CSRF token, so this is what keeps a browser page from
/// driving them. Cloudflare's own cookies (<c>__cf*</c>, <c>_cf*</c>, <c>cf_*</c>) are no browser artefact: a native
/// app behind Cloudflare carries them, and the login must go through.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ApiCsrfTests : CodeMfaTest
{
    /// <summary>selfservice/flow/request.go ErrOriginHeaderNeedsBrowserFlow's reason (the same at the three versions, docs/kratos-facts.md).</summary>
    private const string OriginRefused = "The HTTP Request Header included the \"Origin\" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.";

    /// <summary>selfservice/flow/request.go ErrCookieHeaderNeedsBrowserFlow's reason (the same at the three versions).</summary>
    private const string CookieRefused = "The HTTP Request Header included the \"Cookie\" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.";

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "api-browser-artefacts",
        "§3: submitting the right code to an API flow with a Cookie or an Origin header gives 400 + 4000001 naming the header and completes nothing; with only Cloudflare's cookies (__cf*, _cf*, cf_*) the code completes the login",
        ClientStyle.Native);

    [TestCaseSource(nameof(Cases))]
    public async Task ApiBrowserArtefacts(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        foreach (var (header, value, reason) in new[] { ("Cookie", "some_cookie=1", CookieRefused), ("Origin", "https://app.example", OriginRefused) })
        {
            Step($"submit the right code with a {header} header");
            var refused = Observe(await user.SendAsync(CodeRequest(flow, mail.Code, identity, user, (header, value))), $"after submitting the right code with a {header} header");
            StatusChecks.FlowRendered(refused, client);
            MessageChecks.ExactlyIds(refused, [4000001], $"an API flow refuses a {header} header, spec §3 (EnsureCSRF)");
            MessageChecks.Text(refused, 4000001, reason, $"of EnsureCSRF's refusal of the {header} header (selfservice/flow/request.go, docs/kratos-facts.md): the reason tells the app's developer which header to drop");
            SessionChecks.NotAal2(Observe(await user.WhoAmIAsync(), $"on /sessions/whoami after the submission with a {header} header"), "a refused submission completes nothing, spec §3");
        }

        // One cookie of each Cloudflare prefix: each must be exempt on its own for the request to pass.
        Step("submit the right code with only Cloudflare's cookies (__cf_bm, _cfuvid, cf_clearance)");
        var passed = Observe(await user.SendAsync(CodeRequest(flow, mail.Code, identity, user, ("Cookie", "__cf_bm=1; _cfuvid=2; cf_clearance=3"))), "after submitting the right code with Cloudflare's cookies");
        StatusChecks.LoginSucceeded(passed, client);
        await flows.WhoAmIAal2Async(user, identity);
    }

    /// <summary>The native code submission to the flow's ui.action, with the session token and one extra header.</summary>
    private static HttpRequestMessage CodeRequest(LoginFlow flow, string code, TestIdentity identity, KratosClient user, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, flow.Ui.Action.Length > 0 ? flow.Ui.Action : "self-service/login?flow=" + flow.Id)
        {
            Content = JsonContent.Create(new { method = "code", code, identifier = identity.Email }),
        };
        request.Headers.TryAddWithoutValidation("X-Session-Token", user.SessionToken);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return request;
    }
}
