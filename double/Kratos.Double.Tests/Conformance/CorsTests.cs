using System.Net;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// serve.public.cors as Kratos serves it (rs/cors in front of the public router, cmd/daemon/serve.go): real preflight
/// and actual requests from another origin, with the schema's defaults, wildcard origins, refused origins, methods and
/// headers, max_age, and nothing at all when CORS is disabled.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CorsTests
{
    private const string App = "https://app.example.com";

    private static string Cors(string body) => DoubleConfigs.Yaml("serve:\n  public:\n    cors:\n" + body);

    [Test]
    public async Task Disabled_by_default_no_cors_headers_on_preflight_or_actual_request()
    {
        await using var harness = await DoubleHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var preflight = await http.SendAsync(Preflight("/self-service/login/api", App, "GET", null));
        using var actual = await http.SendAsync(Actual("/self-service/login/api", App));

        preflight.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal), "cors.enabled defaults to false");
        actual.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal));
        actual.StatusCode.Should().Be(HttpStatusCode.OK, "the request itself is served as usual");
    }

    [Test]
    public async Task Enabled_with_schema_defaults_allows_every_origin_with_a_literal_star_and_credentials()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var preflight = await http.SendAsync(Preflight("/self-service/login", App, "POST", "content-type,x-session-token"));
        using var actual = await http.SendAsync(Actual("/self-service/login/api", App));

        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent, "rs/cors answers a preflight itself");
        Header(preflight, "Access-Control-Allow-Origin").Should().Be("*");
        Header(preflight, "Access-Control-Allow-Methods").Should().Be("POST");
        Header(preflight, "Access-Control-Allow-Headers").Should().Be("content-type,x-session-token");
        Header(preflight, "Access-Control-Allow-Credentials").Should().Be("true");
        Header(preflight, "Access-Control-Max-Age").Should().BeNull("max_age 0 sends no Max-Age");
        Header(preflight, "Vary").Should().Be("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        Header(actual, "Access-Control-Allow-Origin").Should().Be("*");
        Header(actual, "Access-Control-Expose-Headers").Should().Be("Content-Type");
        Header(actual, "Access-Control-Allow-Credentials").Should().Be("true");
        Header(actual, "Vary").Should().Be("Origin");
    }

    [TestCase("https://app.example.com", true)]
    [TestCase("https://APP.example.com", true)]
    [TestCase("https://a.b.example.com", true)]
    [TestCase("https://example.com", false)]
    [TestCase("https://evil.com", false)]
    [TestCase("http://app.example.com", false)]
    public async Task A_wildcard_origin_matches_any_characters_in_its_place(string origin, bool allowed)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n      allowed_origins:\n        - https://*.example.com\n      max_age: 600\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var preflight = await http.SendAsync(Preflight("/self-service/login", origin, "POST", "content-type"));
        using var actual = await http.SendAsync(Actual("/self-service/login/api", origin));

        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent, "a refused preflight is still answered, without the allow headers");
        Header(preflight, "Access-Control-Allow-Origin").Should().Be(allowed ? origin : null);
        Header(preflight, "Access-Control-Max-Age").Should().Be(allowed ? "600" : null);
        Header(actual, "Access-Control-Allow-Origin").Should().Be(allowed ? origin : null, "the actual request echoes an allowed origin");
        Header(actual, "Vary").Should().Be("Origin");
    }

    [TestCase("x-custom-header", "POST")]
    [TestCase("x-session-token,content-type", "POST")]
    [TestCase("Content-Type", "POST")]
    [TestCase("content-type", "CONNECT")]
    public async Task A_preflight_for_a_header_or_method_not_allowed_gets_no_allow_headers(string requestHeaders, string method)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n      allowed_origins: [\"https://app.example.com\"]\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var preflight = await http.SendAsync(Preflight("/self-service/login", App, method, requestHeaders));

        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(preflight, "Access-Control-Allow-Origin").Should().BeNull("rs/cors wants allowed, lower-case, sorted request headers and an allowed method");
    }

    [TestCase("v26.2.0", true)]
    [TestCase("v25.4.0", true)]
    [TestCase("v1.3.1", false)]
    public async Task A_space_after_the_comma_is_tolerated_from_rs_cors_v1_11_1_on(string version, bool accepted)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: Cors("      enabled: true\n      allowed_origins: [\"https://app.example.com\"]\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var preflight = await http.SendAsync(Preflight("/self-service/login", App, "POST", "content-type, x-session-token"));

        Header(preflight, "Access-Control-Allow-Origin").Should().Be(accepted ? App : null, "v1.3.1 ships rs/cors v1.11.0, later tags v1.11.1");
    }

    [Test]
    public async Task An_error_answer_keeps_the_cors_headers()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n      allowed_origins: [\"https://app.example.com\"]\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.PublicBaseUrl };

        using var actual = await http.SendAsync(Actual("/sessions/whoami", App));

        actual.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Header(actual, "Access-Control-Allow-Origin").Should().Be(App, "the SPA must be able to read Kratos's error body");
        Header(actual, "Access-Control-Allow-Credentials").Should().Be("true");
    }

    [Test]
    public async Task The_admin_port_has_no_cors()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n"));
        using var http = new HttpClient { BaseAddress = harness.Host.AdminBaseUrl };

        using var actual = await http.SendAsync(Actual("/admin/identities", App));

        Header(actual, "Access-Control-Allow-Origin").Should().BeNull("only serve.public.cors is configured");
    }

    [Test]
    public void Two_wildcards_in_one_origin_are_refused_at_start()
    {
        var start = () => DoubleHarness.StartAsync(yaml: Cors("      enabled: true\n      allowed_origins: [\"https://*.*.example.com\"]\n"));

        start.Should().ThrowAsync<Config.KratosDoubleConfigException>().Result.Which.Key.Should().Be("serve.public.cors.allowed_origins");
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static HttpRequestMessage Actual(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
