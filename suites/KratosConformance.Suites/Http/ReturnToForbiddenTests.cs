using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario return-to-forbidden: a return_to that differs from an allowed URL in one part only is refused (spec §2.3;
/// x/redir/secure_redirect.go, docs/kratos-facts.md "return_to allow-list"). Kratos compares the scheme, the host with
/// its port, and the path prefix; its own public URL is allowed below /self-service only. A deployment that lets one
/// of these through is an open redirect after login.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReturnToForbiddenTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "return-to-forbidden",
        "§2.3: a return_to that differs from allowed_return_urls[0] only in scheme, port or host (a longer host ending in it included), or on the public URL outside /self-service, gives 400 self_service_flow_return_to_forbidden with the reason naming it");

    [TestCaseSource(nameof(Cases))]
    public async Task ReturnToForbidden(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var facts = flows.Deployment.Facts;
        if (facts.AllowedReturnUrls.Count == 0)
        {
            NotApplicable.Because("the deployment lists no selfservice.allowed_return_urls (or its config was not given): the scenario varies an allowed URL (spec §2.3)");
        }

        var user = NewClient(client, flows.Deployment);
        foreach (var (what, returnTo, named) in Refused(facts.AllowedReturnUrls, flows.Deployment.Endpoints.PublicUrl, facts.DefaultBrowserReturnUrl))
        {
            var refused = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { ReturnTo = returnTo }), $"after creating a login flow with return_to {returnTo} ({what})");
            var error = StatusChecks.ErrorReturned(refused, client, 400, "self_service_flow_return_to_forbidden");
            ErrorChecks.ReasonIs(refused, error, $"Requested return_to URL \"{named}\" is not allowed.", "x/redir/secure_redirect.go names the refused URL, its missing scheme taken from default_browser_return_url (" + what + ")");
        }
    }

    /// <summary>
    /// Variants of the first allowed URL that no entry allows: each differs in one part (docs/kratos-facts.md
    /// "return_to allow-list"), given as <c>Url</c> and named in the reason as <c>Named</c> (a scheme-relative URL takes
    /// the default return URL's scheme). A variant that another entry allows is left out.
    /// </summary>
    private static IEnumerable<(string What, string Url, string Named)> Refused(IReadOnlyList<Uri> allowed, Uri publicUrl, Uri? defaultReturnUrl)
    {
        var first = allowed[0];
        var path = first.AbsolutePath.TrimEnd('/') + "/conformance/after-login";
        var candidates = new List<(string, Uri)>
        {
            ("another scheme", new UriBuilder(first) { Scheme = first.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeHttp : Uri.UriSchemeHttps, Port = first.Port, Path = path }.Uri),
            ("another port", new UriBuilder(first) { Port = first.Port == 65535 ? 65534 : first.Port + 1, Path = path }.Uri),
            ("another host", new UriBuilder(first) { Host = "not-allowed.invalid", Path = path }.Uri),
            ("the public URL outside /self-service", new UriBuilder(publicUrl) { Path = publicUrl.AbsolutePath.TrimEnd('/') + "/conformance/after-login" }.Uri),
        };
        if (first.HostNameType != UriHostNameType.IPv6)
        {
            candidates.Add(("a host that ends in the allowed host", new UriBuilder(first) { Host = "not-allowed-" + first.Host, Path = path }.Uri));
        }

        foreach (var (what, url) in candidates)
        {
            if (!allowed.Any(a => Allows(a, url)))
            {
                yield return (what, url.AbsoluteUri, url.AbsoluteUri);
            }
        }

        if (defaultReturnUrl is not null)
        {
            var named = new UriBuilder(defaultReturnUrl) { Host = "not-allowed.invalid", Path = "/conformance/after-login", Query = string.Empty }.Uri;
            if (!allowed.Any(a => Allows(a, named)))
            {
                yield return ("a scheme-relative URL on another host", "//" + named.Authority + named.AbsolutePath, named.AbsoluteUri);
            }
        }
    }

    private static bool Allows(Uri entry, Uri url) =>
        string.Equals(entry.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(entry.Authority, url.Authority, StringComparison.OrdinalIgnoreCase)
        && url.AbsolutePath.StartsWith(entry.AbsolutePath, StringComparison.Ordinal);
}
