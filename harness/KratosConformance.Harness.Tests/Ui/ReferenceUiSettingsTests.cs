using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Tests.Kratos;
using KratosConformance.Harness.Ui;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Ui;

/// <summary>
/// The reference UI's settings page against Kratos v26.2.0's own settings snapshots (factors/totp, factors/lookup):
/// every node rendered under its name, one form per group with the csrf token, the secret and codes readable apart
/// from their labels (Ory's node/text/&lt;id&gt;/text), and /settings without a flow starting one at Kratos.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ReferenceUiSettingsTests
{
    private const string FlowId = "5a1b9a0e-1111-4222-8333-944455556666";
    private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private StubKratos _kratos = null!;
    private ReferenceUi _ui = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _kratos = await StubKratos.StartAsync();
        _ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = _kratos.Url });
        _browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    }

    [TearDown]
    public async Task StopAsync()
    {
        _browser.Dispose();
        await _ui.DisposeAsync();
        await _kratos.DisposeAsync();
    }

    [Test]
    public async Task Totp_enrolment_and_backup_code_generation_render_as_forms_that_post_the_node_names()
    {
        var nodes = Nodes("totp/TestCompleteSettings-case=device_setup_is_available_when_identity_has_no_totp_yet.json");
        var secret = nodes.OfType<JsonObject>().Single(n => (string?)n["attributes"]!["id"] == "totp_secret_key");
        secret["attributes"]!["text"] = new JsonObject { ["id"] = 1050006, ["text"] = Secret, ["type"] = "info", ["context"] = new JsonObject { ["secret"] = Secret } };
        foreach (var node in Nodes("lookup/TestCompleteSettings-case=button_for_regeneration_is_displayed_when_identity_has_no_recovery_codes_yet-case=browser.json")
            .OfType<JsonObject>().Where(n => (string?)n["group"] != "default"))
        {
            nodes.Add(node.DeepClone());
        }

        var html = await GetSettingsAsync(nodes);

        HtmlTags.WithTestId(html, "node/text/totp_secret_key/text").Should().ContainSingle().Which.Should().Contain($">{Secret}</pre>");
        HtmlTags.WithTestId(html, "node/text/totp_secret_key/label").Should().ContainSingle().Which.Should().Contain("This is your authenticator app secret.");
        HtmlTags.WithTestId(html, "node/image/totp_qr").Should().ContainSingle().Which.Should().Contain("alt=\"Authenticator app QR code\"");
        html.Should().Contain($"<form method=\"POST\" action=\"{_kratos.Url}self-service/settings?flow={FlowId}\" data-testid=\"ui/form/totp\">");
        var totp = HtmlTags.Form(html, "totp");
        totp.Should().Contain("data-testid=\"node/input/csrf_token\"")
            .And.Contain("name=\"totp_code\"")
            .And.Contain("<button type=\"submit\" name=\"method\" data-testid=\"node/input/method\" value=\"totp\">Save</button>")
            .And.NotContain("lookup_secret_regenerate");
        HtmlTags.Form(html, "lookup_secret").Should().Contain("data-testid=\"node/input/csrf_token\"")
            .And.Contain("<button type=\"submit\" name=\"lookup_secret_regenerate\" data-testid=\"node/input/lookup_secret_regenerate\" formnovalidate value=\"true\">Generate new backup recovery codes</button>")
            .And.NotContain("totp_code", "a required TOTP field in the same form would stop the browser from generating codes");
    }

    [Test]
    public async Task Revealed_codes_are_readable_apart_from_their_label()
    {
        var html = await GetSettingsAsync(Nodes("lookup/TestCompleteSettings-case=should_pass_without_csrf_if_API_flow.json"));

        HtmlTags.WithTestId(html, "node/text/lookup_secret_codes/text").Should().ContainSingle()
            .Which.Should().Contain(">key-0, used, key-2, key-3, used, key-5, key-6, used, key-8, key-9, used, key-11</pre>");
        HtmlTags.WithTestId(html, "node/text/lookup_secret_codes/label").Should().ContainSingle()
            .Which.Should().Contain("These are your back up recovery codes.");
        HtmlTags.WithTestId(html, "node/input/lookup_secret_disable").Should().ContainSingle();
    }

    [Test]
    public async Task Settings_without_flow_starts_a_browser_settings_flow_at_Kratos()
    {
        using var response = await _browser.GetAsync(new Uri(_ui.SettingsUrl, "?return_to=http%3A%2F%2F127.0.0.1%2Fdone"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().Be($"{_kratos.Url}self-service/settings/browser?return_to=http%3A%2F%2F127.0.0.1%2Fdone");
    }

    [Test]
    public async Task Settings_flow_fetch_forwards_the_browsers_cookies_and_shows_a_refusal()
    {
        _kratos.Replies[$"/self-service/settings/flows?id={FlowId}"] = (HttpStatusCode.Forbidden,
            """{"error":{"id":"session_aal2_required","code":403,"status":"Forbidden","reason":"<aal2>"}}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_ui.SettingsUrl, $"?flow={FlowId}"));
        request.Headers.Add("Cookie", "ory_kratos_session=s1");

        using var response = await _browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        HtmlTags.WithTestId(html, "ui/error/id").Should().ContainSingle().Which.Should().Contain(">session_aal2_required</span>");
        _kratos.Requests.Should().ContainSingle(r => r.PathAndQuery == $"/self-service/settings/flows?id={FlowId}")
            .Which.Should().Be(($"/self-service/settings/flows?id={FlowId}", "ory_kratos_session=s1", "application/json"));
    }

    private static JsonArray Nodes(string file) =>
        JsonNode.Parse(File.ReadAllText(KratosReference.Snapshot("v26.2.0", Path.Combine("factors", Path.GetDirectoryName(file)!), Path.GetFileName(file))))!.AsArray();

    private async Task<string> GetSettingsAsync(JsonArray nodes)
    {
        foreach (var node in nodes.OfType<JsonObject>().Where(n => (string?)n["attributes"]!["name"] == "csrf_token"))
        {
            node["attributes"]!["value"] = "csrf-value-123";
        }

        var flow = new JsonObject
        {
            ["id"] = FlowId,
            ["type"] = "browser",
            ["state"] = "show_form",
            ["ui"] = new JsonObject { ["action"] = new Uri(_kratos.Url, $"self-service/settings?flow={FlowId}").AbsoluteUri, ["method"] = "POST", ["nodes"] = nodes, ["messages"] = new JsonArray() },
        };
        _kratos.Replies[$"/self-service/settings/flows?id={FlowId}"] = (HttpStatusCode.OK, flow.ToJsonString());
        var html = await _browser.GetStringAsync(new Uri(_ui.SettingsUrl, $"?flow={FlowId}"));
        return html;
    }
}
