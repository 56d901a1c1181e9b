using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario return-to: a login started with return_to ends there, through the second factor (spec §2.3, §4.2,
/// §2.14 step 5). The password login carries return_to into the aal2 login it sends the browser to (browser 303, SPA
/// 422 redirect_browser_to); the aal2 flow keeps it; the completed code login sends the browser there (browser 303,
/// SPA continue_with). A native app passes return_to itself and is never told to redirect a browser.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReturnToTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "return-to",
        "§2.3/§4.2/§2.14: return_to given to the password login reaches the aal2 login (303 / 422 redirect_browser_to with return_to), stays on the aal2 flow, and the completed code login sends the browser there (303 Location / continue_with)");

    [TestCaseSource(nameof(Cases))]
    public async Task ReturnTo(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var facts = flows.Deployment.Facts;
        if (facts.AllowedReturnUrls.Count == 0)
        {
            NotApplicable.Because("the deployment lists no selfservice.allowed_return_urls (or its config was not given): the scenario needs a return_to Kratos accepts (spec §2.3)");
        }

        // Below the allowed URL's own path (x/redir/secure_redirect.go accepts return_to by scheme, host and path prefix): a
        // relative Uri would drop the last segment of an entry without a trailing slash.
        var allowed = facts.AllowedReturnUrls[0];
        var returnTo = new UriBuilder(allowed) { Path = allowed.AbsolutePath.TrimEnd('/') + "/conformance/after-login", Query = "from=return-to" }.Uri.AbsoluteUri;
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var publicUrl = flows.Deployment.Endpoints.PublicUrl;

        Step($"sign in with the password, return_to={returnTo}");
        var first = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { ReturnTo = returnTo }), "after creating a password login flow with return_to");
        StatusChecks.FlowCreated(first, client);
        FlowChecks.ReturnTo(first, returnTo, "return_to is validated and kept at creation, spec §2.3, §2.5");
        var password = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(first), LoginSubmission.Password(identity.Email, identity.Password)), "after the password login with return_to");

        Observation created;
        switch (client)
        {
            case ClientStyle.Browser:
                StatusChecks.Is(password, 303, "the browser is sent on to the second factor, spec §4.2");
                RedirectChecks.ToAal2Login(password, publicUrl, "the password login under highest_available continues at the aal2 login, spec §4.2");
                UrlChecks.CarriesReturnTo(password, password.Response.Location, returnTo, "the aal2 redirect copies return_to from the first flow's request_url, spec §4.2");
                created = Observe(await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, password.Response.Location)), "after following the redirect to the aal2 login");
                break;
            case ClientStyle.Spa:
                var error = StatusChecks.ErrorReturned(password, client, 422, "browser_location_change_required");
                ErrorChecks.RedirectsToAal2Login(password, error, publicUrl);
                UrlChecks.CarriesReturnTo(password, error.RedirectBrowserTo, returnTo, "redirect_browser_to copies return_to from the first flow's request_url, spec §4.2");
                created = Observe(await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, error.RedirectBrowserTo)), "after opening redirect_browser_to as an SPA");
                break;
            default:
                StatusChecks.Is(password, 200, "a native login answers 200 with the aal1 session, spec §3 last row");
                created = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", ReturnTo = returnTo }), "after creating an aal2 login flow with return_to");
                break;
        }

        StatusChecks.FlowCreated(created, client);
        FlowChecks.RequestedAal(created, "aal2");
        flows.FlowShape(created, client, refresh: false, returnTo);
        var sent = await flows.SendCodeAsync(user, created, identity);
        CodeFormChecks.SentEmail(sent, client, identity.Email, flows.Expect);
        FlowChecks.ReturnTo(sent, returnTo, "sending the code keeps return_to, spec §2.5");

        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        // CompleteAsync checks the 303 Location (browser) and continue_with (SPA) against the flow's return_to.
        await flows.CompleteAsync(user, FlowChecks.Flow(sent), mail.Code, identity, "submitting the code of the flow with return_to");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
