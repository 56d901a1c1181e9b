using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario expired-flow: a login flow past selfservice.flows.login.lifespan, without a session (spec §2.12; profile
/// short-login-lifespan, 1ms). Fetching it answers 410 self_service_flow_expired with where to start anew; submitting
/// the right password to it does not sign in: Kratos checks the flow's expiry before any strategy (or the CSRF token)
/// and replaces the flow, a browser is sent to the new flow, a JSON client gets 410 naming it (use_flow_id). The new
/// flow is stored, keeps the old return_to and lives as long: fetched after that, it is gone too.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExpiredFlowTests : CodeMfaTest
{
    /// <summary>Longest flow lifespan the scenario works with: the flow must be expired by its first fetch.</summary>
    private static readonly TimeSpan LongestLifespan = TimeSpan.FromMilliseconds(10);

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "expired-flow",
        "§2.12: an expired login flow answers 410 self_service_flow_expired on fetch (details: where to start anew) and is replaced on submit (browser 303 to a new flow, JSON 410 with use_flow_id); the password does not sign in");

    [TestCaseSource(nameof(Cases))]
    public async Task ExpiredFlow(ClientStyle client)
    {
        var flows = await FlowsAsync(KratosProfiles.ShortLoginLifespan);
        var deployment = flows.Deployment;
        var lifespan = deployment.Facts.LoginFlowLifespan;
        if (lifespan > LongestLifespan)
        {
            NotApplicable.Because($"the '{deployment.Profile}' deployment has a login flow lifespan of {lifespan}; the scenario needs one of at most {LongestLifespan.TotalMilliseconds:0} ms (profile short-login-lifespan sets 1ms)");
        }

        var identity = await NewIdentityAsync(deployment);
        var user = NewClient(client, deployment);
        var publicUrl = deployment.Endpoints.PublicUrl;

        // The browser's flow with return_to where the deployment allows one: the restart URL must carry it. The SPA's
        // without: its restart URL is the bare init URL and details.return_to "" (docs/kratos-facts.md "Expired login
        // flows"), the other branch of GetFlowExpiredRedirectURL.
        var returnTo = client == ClientStyle.Browser && deployment.Facts.AllowedReturnUrls is [var allowed, ..]
            ? new UriBuilder(allowed) { Path = allowed.AbsolutePath.TrimEnd('/') + "/conformance/after-expiry" }.Uri.AbsoluteUri
            : null;
        var created = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { ReturnTo = returnTo }), "after creating a password login flow that expires after " + lifespan.TotalMilliseconds + " ms");
        var answered = DateTimeOffset.UtcNow;
        LoginFlow expired;
        if (client == ClientStyle.Browser)
        {
            StatusChecks.Is(created, 303, "a browser is sent to the login UI with the new flow, spec §2.1");
            expired = new LoginFlow { Id = UrlChecks.FlowParameter(created.Response.Location, deployment.Endpoints.PublicUrl) ?? string.Empty, Type = "browser" };
        }
        else
        {
            expired = StatusChecks.FlowCreated(created, client);
        }

        // A fast deployment answers the fetch within the 1ms: wait until the flow's expires_at has passed (a JSON client
        // reads it; a browser's flow was issued before the creation answered, so it expires by then plus the lifespan).
        var expiry = client == ClientStyle.Browser ? answered + lifespan : expired.ExpiresAt;
        await WaitOutAsync(expiry, lifespan, "login flow lifespan");

        var fetched = Observe(await user.GetLoginFlowAsync(expired.Id), "after fetching the expired flow");
        StatusChecks.Is(fetched, 410, "an expired flow is gone, spec §1.6, §2.12");
        HeaderChecks.JsonContentType(fetched);
        var gone = ErrorChecks.Id(fetched, "self_service_flow_expired");
        ExpiryChecks.FetchGone(fetched, gone, client != ClientStyle.Native, publicUrl, returnTo);

        var submitted = Observe(await user.SubmitLoginAsync(expired, LoginSubmission.Password(identity.Email, identity.Password)), "after submitting the right password to the expired flow");
        var submitAnswered = DateTimeOffset.UtcNow;
        string? replacementId;
        if (client == ClientStyle.Browser)
        {
            StatusChecks.Is(submitted, 303, "a browser is sent to the replacement flow, spec §2.12");
            ExpiryChecks.ReplacedForBrowser(submitted, expired.Id, deployment.Endpoints, deployment.Facts);
            replacementId = UrlChecks.FlowParameter(submitted.Response.Location, publicUrl);
        }
        else
        {
            StatusChecks.Is(submitted, 410, "a JSON client is told the flow expired and which flow replaces it, spec §2.12");
            HeaderChecks.JsonContentType(submitted);
            var error = ErrorChecks.Id(submitted, "self_service_flow_expired");
            ExpiryChecks.ReplacedForJson(submitted, error, expired);
            replacementId = submitted.Response.Body?["use_flow_id"]?.GetValue<string>();
        }

        // The replacement is stored (an unknown id would be 404) with the same lifespan, so once that has passed its
        // fetch is the same 410, with the old flow's return_to: FromOldFlow copies request_url (docs/kratos-facts.md
        // "Expired login flows").
        await WaitOutAsync(submitAnswered + lifespan, lifespan, "replacement flow's lifespan");
        var replacement = Observe(await user.GetLoginFlowAsync(replacementId ?? string.Empty), "after fetching the flow that replaced the expired one");
        StatusChecks.Is(replacement, 410, "the replacement flow is stored with the login lifespan, so it has expired too, spec §2.12");
        ExpiryChecks.FetchGone(replacement, ErrorChecks.Id(replacement, "self_service_flow_expired"), client != ClientStyle.Native, publicUrl, returnTo);

        var whoami = Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the password went to an expired flow");
        StatusChecks.Is(whoami, 401, "a submission to an expired flow signs nobody in, spec §2.12, §4.1");
    }
}
