using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Tests.Kratos;
using KratosConformance.Harness.Ui;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Ui;

/// <summary>
/// The reference UI renders WebAuthn as Kratos's UI contract says (factors spec §5.3, §5.5): the script node as a
/// script element with every attribute Kratos gave, the trigger as a button calling its onclickTrigger function of
/// that script (Kratos deprecated the eval'd onclick), onclick only for a node without a trigger. Built on Kratos
/// v26.2.0's snapshot of an aal2 login with a key, with the values the snapshot leaves out filled in.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ReferenceUiWebAuthnTests
{
    private const string FlowId = "8d1b9a0e-2222-4222-8333-944455556666";
    private const string Options = """{"publicKey":{"challenge":"Y2hhbGxlbmdl","rpId":"localhost","allowCredentials":[]}}""";
    private StubKratos _kratos = null!;
    private ReferenceUi _ui = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _kratos = await StubKratos.StartAsync();
        _ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = _kratos.Url, BrowserHost = "localhost" });
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
    public void A_browser_host_names_the_pages_while_the_server_stays_on_loopback()
    {
        _ui.LoginUrl.AbsoluteUri.Should().MatchRegex(@"^http://localhost:\d+/login$");
    }

    [Test]
    public async Task The_script_node_is_a_script_element_with_kratoss_attributes()
    {
        var html = await RenderAsync(trigger => { });

        HtmlTags.WithTestId(html, "node/script/webauthn_script").Should().ContainSingle().Which.Should()
            .StartWith("<script ")
            .And.Contain($"src=\"{_kratos.Url}.well-known/ory/webauthn.js\"")
            .And.Contain("integrity=\"sha512-")
            .And.Contain("crossorigin=\"anonymous\"")
            .And.Contain("referrerpolicy=\"no-referrer\"")
            .And.Contain("nonce=\"nonce-123\"")
            .And.Contain("type=\"text/javascript\"")
            .And.Contain(" async");
    }

    [Test]
    public async Task The_trigger_calls_its_onclick_trigger_and_carries_the_options()
    {
        var html = await RenderAsync(trigger => { });

        HtmlTags.WithTestId(html, "node/input/webauthn_login_trigger").Should().ContainSingle().Which.Should()
            .StartWith("<button type=\"button\"")
            .And.Contain("onclick=\"window.oryWebAuthnLogin()\"")
            .And.Contain("value=\"" + WebUtility.HtmlEncode(Options) + "\"");
    }

    [Test]
    public async Task Without_a_trigger_the_onclick_text_is_used()
    {
        var html = await RenderAsync(trigger => trigger.Remove("onclickTrigger"));

        HtmlTags.WithTestId(html, "node/input/webauthn_login_trigger").Should().ContainSingle().Which.Should()
            .Contain("onclick=\"" + WebUtility.HtmlEncode("window.oryWebAuthnLogin(" + Options + ")") + "\"");
    }

    [Test]
    public async Task A_trigger_that_is_no_function_name_is_not_called()
    {
        var html = await RenderAsync(trigger =>
        {
            trigger["onclickTrigger"] = "alert(1)//";
            trigger.Remove("onclick");
        });

        HtmlTags.WithTestId(html, "node/input/webauthn_login_trigger").Should().ContainSingle().Which.Should().NotContain("onclick");
    }

    private async Task<string> RenderAsync(Action<JsonObject> adjustTrigger)
    {
        var nodes = JsonNode.Parse(await File.ReadAllTextAsync(KratosReference.Snapshot("v26.2.0", "factors/webauthn", "TestCompleteLogin-flow=mfa-case=webauthn_payload_is_set_when_identity_has_webauthn.json")))!.AsArray();
        foreach (var node in nodes.OfType<JsonObject>())
        {
            var attributes = node["attributes"]!.AsObject();
            switch ((string?)attributes["name"] ?? (string?)attributes["id"])
            {
                case "webauthn_script":
                    attributes["src"] = new Uri(_kratos.Url, ".well-known/ory/webauthn.js").AbsoluteUri;
                    attributes["nonce"] = "nonce-123";
                    break;
                case "webauthn_login_trigger":
                    attributes["value"] = Options;
                    attributes["onclick"] = "window.oryWebAuthnLogin(" + Options + ")";
                    adjustTrigger(attributes);
                    break;
                default:
                    break;
            }
        }

        var flow = new JsonObject
        {
            ["id"] = FlowId,
            ["state"] = "choose_method",
            ["requested_aal"] = "aal2",
            ["ui"] = new JsonObject { ["action"] = new Uri(_kratos.Url, $"self-service/login?flow={FlowId}").AbsoluteUri, ["method"] = "POST", ["nodes"] = nodes, ["messages"] = new JsonArray() },
        };
        _kratos.Replies[$"/self-service/login/flows?id={FlowId}"] = (HttpStatusCode.OK, flow.ToJsonString());
        using var response = await _browser.GetAsync(new Uri(_ui.LoginUrl.AbsoluteUri.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + $"?flow={FlowId}"));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        return html;
    }
}
