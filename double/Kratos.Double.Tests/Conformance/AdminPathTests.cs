using System.Net;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// Admin paths without /admin as each version serves them (docs/kratos-facts.md): v1.3.1 and v25.4.0 answer 307 to the
/// prefixed path (x/http_redirect_admin.go), v26.2.0 serves it (oryx/httprouterx AddAdminPrefixIfNotPresentNegroni);
/// /version exists only on the admin port.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AdminPathTests
{
    [TestCase("v1.3.1")]
    [TestCase("v25.4.0")]
    public async Task Older_versions_redirect_unprefixed_admin_paths(string version)
    {
        await using var harness = await DoubleHarness.StartAsync(version);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = harness.Host.AdminBaseUrl };

        using var response = await http.GetAsync("/identities/?page_size=1");

        response.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location!.OriginalString.Should().Be("/admin/identities?page_size=1", "path.Join drops the trailing slash, the query stays");
        (await response.Content.ReadAsStringAsync()).Should().Be("<a href=\"/admin/identities?page_size=1\">Temporary Redirect</a>.\n\n");
    }

    [Test]
    public async Task V26_2_0_serves_unprefixed_admin_paths()
    {
        await using var harness = await DoubleHarness.StartAsync("v26.2.0");

        var (status, body) = await harness.AdminGetAsync("/version");

        status.Should().Be(HttpStatusCode.OK);
        body!["version"]!.GetValue<string>().Should().Be("v26.2.0");
    }

    [TestCase("v1.3.1")]
    [TestCase("v26.2.0")]
    public async Task Version_is_not_served_on_the_public_port_but_health_is(string version)
    {
        await using var harness = await DoubleHarness.StartAsync(version);
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        (await http.GetAsync("/version")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await harness.AdminGetAsync("/admin/version")).Status.Should().Be(HttpStatusCode.OK);
    }
}
