using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario return-to-accepted: the forms of an allowed return_to that UIs send are accepted at the flow's creation
/// and kept on the flow (spec §2.3, §2.5; x/redir/secure_redirect.go, docs/kratos-facts.md "return_to allow-list"): an
/// allowed URL without a path (Kratos compares the path "/" then) and a scheme-relative URL on an allowed host (the
/// scheme comes from default_browser_return_url). A deployment that refuses them breaks the UIs that send them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReturnToAcceptedTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "return-to-accepted",
        "§2.3/§2.5: return_to as allowed_return_urls[0] without a path, and scheme-relative on its host, creates the flow and keeps return_to");

    [TestCaseSource(nameof(Cases))]
    public async Task ReturnToAccepted(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var facts = flows.Deployment.Facts;
        if (facts.AllowedReturnUrls.Count == 0 || facts.DefaultBrowserReturnUrl is null)
        {
            NotApplicable.Because("the deployment lists no selfservice.allowed_return_urls or default_browser_return_url (or its config was not given): the scenario varies an allowed URL (spec §2.3)");
        }

        var allowed = facts.AllowedReturnUrls[0];
        var variants = new List<(string What, string Url)> { ("without a path", allowed.GetLeftPart(UriPartial.Authority)) };
        if (string.Equals(facts.DefaultBrowserReturnUrl.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            variants.Add(("scheme-relative", "//" + allowed.Authority + allowed.AbsolutePath.TrimEnd('/') + "/conformance/after-login"));
        }

        var user = NewClient(client, flows.Deployment);
        foreach (var (what, returnTo) in variants)
        {
            var created = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { ReturnTo = returnTo }), $"after creating a login flow with return_to {returnTo} ({what})");
            StatusChecks.FlowCreated(created, client);
            FlowChecks.ReturnTo(created, returnTo, $"an allowed return_to {what} is accepted and kept at creation, spec §2.3, §2.5");
        }
    }
}
