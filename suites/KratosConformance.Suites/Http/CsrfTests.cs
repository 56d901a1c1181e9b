using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario csrf (browser flows only; API flows have no CSRF, spec §3): a code submission without a valid CSRF token
/// is refused and leaves the flow as it was (spec §3 "missing/invalid CSRF", §1.6 security_csrf_violation).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CsrfTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "csrf",
        "§3/§1.6: a new browser flow sets the CSRF cookie (HttpOnly, Lax, Path, Secure per mode, a year), a new one where the browser's is empty; submitting the right code with a wrong or missing CSRF token gives security_csrf_violation (SPA 403, browser via the error UI) naming the fault in details.hint/reject_reason as the version does, and leaves the flow unchanged",
        ClientStyle.Browser,
        ClientStyle.Spa);

    [TestCaseSource(nameof(Cases))]
    public async Task Csrf(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);

        // The cookie half of the pair: a new browser flow sets it, with the attributes of spec §3's CSRF row.
        var stranger = NewClient(client, flows.Deployment);
        var created = Observe(await stranger.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor), "after a new browser creating a login flow");
        StatusChecks.FlowCreated(created, client);
        CookieChecks.CsrfCookie(created, flows.Deployment.Facts, flows.Deployment.Endpoints.PublicUrl);

        // An empty CSRF cookie is no token: nosurf regenerates one of the right length with the next flow.
        // (By hand: a cookie jar does not send an empty cookie.)
        var emptied = NewClient(client, flows.Deployment);
        using var withEmpty = new HttpRequestMessage(HttpMethod.Get, "self-service/login/browser");
        withEmpty.Headers.TryAddWithoutValidation("Cookie", CookieChecks.CsrfCookieName(flows.Deployment.Endpoints.PublicUrl) + "=");
        var renewed = Observe(await emptied.SendAsync(withEmpty), "after a browser with an empty CSRF cookie creating a login flow");
        StatusChecks.FlowCreated(renewed, client);
        CookieChecks.CsrfRegeneratedFromEmpty(renewed, flows.Deployment.Endpoints.PublicUrl, "ory/nosurf ServeHTTP regenerates the token when the cookie's decoded length is not the token length, spec §3 CSRF row");

        // Fetching a browser flow needs its CSRF cookie too (spec §2.2): another browser gets 403, not the flow.
        var peek = Observe(await stranger.GetLoginFlowAsync(flow.Id), "after another browser fetching the user's flow");
        StatusChecks.Is(peek, 403, "a browser flow is fetched only with its CSRF cookie, spec §2.2");
        var peeked = ErrorChecks.Id(peek, "security_csrf_violation");
        ErrorChecks.CsrfDetails(peek, peeked, CsrfRejectionTexts.For(flows.Expect.Version, CsrfFault.TokenNotSent, ajax: false),
            "another browser's CSRF cookie and a GET without csrf_token nor X-CSRF-Token: the token-not-sent fault, spec §3 CSRF sub-cases (CSRFErrorReason)");

        // The other faults of spec §3's CSRF sub-cases, on the same fetch: a browser without any cookie, one with only
        // an unrelated cookie, and the latter as a page's fetch() call (Sec-Fetch-Mode: cors: the AJAX hint).
        var outsiders = new[]
        {
            ("no cookie at all", false, false, CsrfFault.NoCookieHeader),
            ("only an unrelated cookie", true, false, CsrfFault.CookieMissing),
            ("only an unrelated cookie, as a fetch() call", true, true, CsrfFault.CookieMissing),
        };
        foreach (var (what, unrelatedCookie, ajax, fault) in outsiders)
        {
            var outsider = NewClient(client, flows.Deployment);
            if (unrelatedCookie)
            {
                outsider.Cookies.Add(flows.Deployment.Endpoints.PublicUrl, new System.Net.Cookie("unrelated", "1"));
            }

            using var fetch = new HttpRequestMessage(HttpMethod.Get, "self-service/login/flows?id=" + flow.Id);
            if (ajax)
            {
                fetch.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "cors");
            }

            var refused = Observe(await outsider.SendAsync(fetch), $"after a browser with {what} fetching the user's flow");
            StatusChecks.Is(refused, 403, "a browser flow is fetched only with its CSRF cookie, spec §2.2");
            var error = ErrorChecks.Id(refused, "security_csrf_violation");
            ErrorChecks.CsrfDetails(refused, error, CsrfRejectionTexts.For(flows.Expect.Version, fault, ajax),
                $"a fetch with {what}: the {fault} fault{(ajax ? " with the AJAX hint" : string.Empty)}, spec §3 CSRF sub-cases (CSRFErrorReason)");
        }

        // The right code, so that a deployment that skips the CSRF check visibly completes the login instead.
        // A JSON body without a token is a mismatch: Kratos does not parse JSON before it names the fault.
        var tampered = new[]
        {
            ("a wrong CSRF token", LoginSubmission.Code(mail.Code, identity.Email) with { CsrfTokenOverride = "not-the-csrf-token-of-this-flow" }, CsrfFault.TokenMismatch),
            ("no CSRF token", LoginSubmission.Code(mail.Code, identity.Email) with { IncludeCsrfToken = false }, client == ClientStyle.Browser ? CsrfFault.TokenNotSent : CsrfFault.TokenMismatch),
        };
        foreach (var (what, submission, fault) in tampered)
        {
            Step($"submit the right code with {what}");
            var refused = Observe(await user.SubmitLoginAsync(flow, submission), $"after submitting the right code with {what}");
            var error = StatusChecks.ErrorReturned(refused, client, 403, "security_csrf_violation");
            ErrorChecks.CsrfDetails(refused, error, CsrfRejectionTexts.For(flows.Expect.Version, fault, ajax: false),
                $"the CSRF cookie sent with {what} in a {(client == ClientStyle.Browser ? "form" : "JSON")} body: the {fault} fault, spec §3 CSRF sub-cases (CSRFErrorReason)");

            var unchanged = Observe(await user.GetLoginFlowAsync(flow.Id), $"when fetching the flow after the submission with {what}");
            StatusChecks.Is(unchanged, 200, "the flow is still there, spec §2.2");
            FlowChecks.State(unchanged, flow.State, "a CSRF violation does not modify the flow, spec §3");
            MessageChecks.ExactlyIds(unchanged, flow.MessageIds, "a CSRF violation does not modify the flow, spec §3");
            SessionChecks.NotAal2(Observe(await user.WhoAmIAsync(), $"on /sessions/whoami after the submission with {what}"), "a refused submission completes nothing, spec §3");
        }

        await flows.CompleteAsync(user, flow, mail.Code, identity, "submitting the right code with the flow's CSRF token");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
