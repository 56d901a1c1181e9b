using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Harness.Ui;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Ui;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ReferenceUiTests
{
    private const string FlowId = "8d1b9a0e-1111-4222-8333-944455556666";
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
    public void Urls_are_on_loopback_with_the_documented_paths()
    {
        _ui.LoginUrl.AbsoluteUri.Should().MatchRegex(@"^http://127\.0\.0\.1:\d+/login$");
        _ui.ErrorUrl.AbsoluteUri.Should().Be(new Uri(_ui.BaseUrl, "error").AbsoluteUri);
        _ui.HomeUrl.Should().Be(_ui.BaseUrl);
    }

    [Test]
    public async Task Sent_email_flow_renders_code_input_buttons_hidden_fields_and_message()
    {
        ServeFlow(Snapshots.WithFastLogin);

        var html = await GetLoginAsync();

        HtmlTags.WithTestId(html, "ui/message/1010014").Should().ContainSingle()
            .Which.Should().Contain("data-message-type=\"info\"").And.Contain("A code was sent to the address you provided.");
        HtmlTags.WithTestId(html, "node/input/code").Should().ContainSingle()
            .Which.Should().Contain("type=\"text\"").And.Contain(" required").And.Contain("name=\"code\"");
        HtmlTags.WithTestId(html, "node/input/resend").Should().ContainSingle()
            .Which.Should().StartWith("<button type=\"submit\"").And.Contain("value=\"code\"").And.EndWith(">Resend code</button>")
            .And.Contain(" formnovalidate", "resend must post while the required code input is empty");
        HtmlTags.WithTestId(html, "node/input/method").Should().HaveCount(2, "a hidden method=code and the Continue button")
            .And.ContainSingle(t => t.StartsWith("<button type=\"submit\"", StringComparison.Ordinal) && t.EndsWith(">Continue</button>", StringComparison.Ordinal)
                && !t.Contains("formnovalidate", StringComparison.Ordinal));
        HtmlTags.WithTestId(html, "node/input/identifier").Should().ContainSingle()
            .Which.Should().Contain("type=\"hidden\"").And.Contain("value=\"fixed_mfa_test_fast_browser@ory.sh\"");
        HtmlTags.WithTestId(html, "node/input/csrf_token").Should().ContainSingle()
            .Which.Should().Contain("value=\"csrf-value-123\"");
        html.Should().Contain($"<form method=\"POST\" action=\"{_kratos.Url}self-service/login?flow={FlowId}\"");
    }

    [Test]
    public async Task Choose_method_flow_puts_each_method_in_its_own_form_with_the_csrf_token()
    {
        ServeFlow(Snapshots.WithoutFastLogin);

        var html = await GetLoginAsync();

        HtmlTags.WithTestId(html, "ui/message/1010004").Should().ContainSingle();
        var code = HtmlTags.Form(html, "code");
        code.Should().Contain("data-testid=\"node/input/csrf_token\"")
            .And.Contain("<button type=\"submit\" name=\"address\" data-testid=\"node/input/address\" formnovalidate value=\"fixed_mfa_test_browser@ory.sh\">Send code to fixed_mfa_test_browser@ory.sh</button>")
            .And.NotContain("totp_code", "a required TOTP field in the same form would stop the browser from sending the code");
        HtmlTags.Form(html, "totp").Should().Contain("data-testid=\"node/input/totp_code\"").And.Contain("data-testid=\"node/input/csrf_token\"");
    }

    [Test]
    public async Task Everything_from_Kratos_is_html_escaped()
    {
        var flow = Snapshots.Flow(Snapshots.WithoutFastLogin, FlowId, _kratos.Url);
        var address = flow["ui"]!["nodes"]!.AsArray().OfType<JsonObject>().Single(n => (string?)n["attributes"]!["name"] == "address");
        address["attributes"]!["value"] = "\"><script>alert(1)</script>";
        address["meta"]!["label"]!["text"] = "Send code to <img src=x onerror=alert(1)>";
        flow["ui"]!["messages"]![0]!["text"] = "<b>bold</b> & \"quoted\"";
        _kratos.Replies[$"/self-service/login/flows?id={FlowId}"] = (HttpStatusCode.OK, flow.ToJsonString());

        var html = await GetLoginAsync();

        html.Should().NotContain("<script>").And.NotContain("<img src=x").And.NotContain("<b>bold");
        html.Should().Contain("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
            .And.Contain(">Send code to &lt;img src=x onerror=alert(1)&gt;</button>")
            .And.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    }

    [Test]
    public async Task Flow_fetch_forwards_the_browsers_cookies_and_asks_for_json()
    {
        ServeFlow(Snapshots.WithFastLogin);

        await GetLoginAsync("csrf_token_abc=c1; ory_kratos_session=s1");

        _kratos.Requests.Should().ContainSingle(r => r.PathAndQuery == $"/self-service/login/flows?id={FlowId}")
            .Which.Should().Be(($"/self-service/login/flows?id={FlowId}", "csrf_token_abc=c1; ory_kratos_session=s1", "application/json"));
    }

    [Test]
    public async Task Login_without_flow_starts_a_browser_flow_at_Kratos_passing_aal_refresh_and_return_to()
    {
        using var response = await _browser.GetAsync(new Uri(_ui.LoginUrl, "?aal=aal2&refresh=true&return_to=http%3A%2F%2F127.0.0.1%2Fdone&other=x"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().Be(
            $"{_kratos.Url}self-service/login/browser?aal=aal2&refresh=true&return_to=http%3A%2F%2F127.0.0.1%2Fdone");
    }

    [Test]
    public async Task Expired_flow_follows_the_replacement_Kratos_names()
    {
        _kratos.Replies[$"/self-service/login/flows?id={FlowId}"] = (HttpStatusCode.Gone,
            new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["id"] = "self_service_flow_expired",
                ["code"] = 410,
                ["details"] = new JsonObject { ["redirect_to"] = $"{_kratos.Url}self-service/login/browser?aal=aal2" },
            },
        }.ToJsonString());

        using var response = await _browser.GetAsync(new Uri(_ui.LoginUrl, $"?flow={FlowId}"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().Be($"{_kratos.Url}self-service/login/browser?aal=aal2");
    }

    [Test]
    public async Task Forbidden_flow_fetch_is_shown_not_retried()
    {
        _kratos.Replies[$"/self-service/login/flows?id={FlowId}"] = (HttpStatusCode.Forbidden,
            """{"error":{"id":"security_csrf_violation","code":403,"status":"Forbidden","reason":"<csrf>"}}""");

        using var response = await _browser.GetAsync(new Uri(_ui.LoginUrl, $"?flow={FlowId}"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        HtmlTags.WithTestId(html, "ui/error/id").Should().ContainSingle().Which.Should().Contain(">security_csrf_violation</span>");
        HtmlTags.WithTestId(html, "ui/error/reason").Should().ContainSingle().Which.Should().Contain(">&lt;csrf&gt;</span>");
    }

    [Test]
    public async Task Error_page_shows_the_stored_self_service_error()
    {
        _kratos.Replies["/self-service/errors?id=e1"] = (HttpStatusCode.OK,
            """{"id":"e1","error":{"id":"session_aal1_required","code":401,"status":"Unauthorized","reason":"You must be signed in."}}""");

        var html = await _browser.GetStringAsync(new Uri(_ui.ErrorUrl, "?id=e1"));

        HtmlTags.WithTestId(html, "ui/error/id").Should().ContainSingle().Which.Should().Contain(">session_aal1_required</span>");
        HtmlTags.WithTestId(html, "ui/error/code").Should().ContainSingle().Which.Should().Contain(">401</span>");
    }

    [TestCase(HttpStatusCode.OK, """{"id":"s","authenticator_assurance_level":"aal2"}""", "session/signed-in")]
    [TestCase(HttpStatusCode.Forbidden, """{"error":{"id":"session_aal2_required"},"redirect_browser_to":"http://127.0.0.1/x"}""", "session/aal2-required")]
    [TestCase(HttpStatusCode.Unauthorized, """{"error":{"id":"session_inactive"}}""", "session/signed-out")]
    public async Task Home_page_says_what_whoami_said_with_the_browsers_cookies(HttpStatusCode status, string json, string testId)
    {
        _kratos.Replies["/sessions/whoami"] = (status, json);
        using var request = new HttpRequestMessage(HttpMethod.Get, _ui.HomeUrl);
        request.Headers.Add("Cookie", "ory_kratos_session=s1");

        using var response = await _browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        HtmlTags.WithTestId(html, testId).Should().ContainSingle();
        _kratos.Requests.Should().ContainSingle(r => r.PathAndQuery == "/sessions/whoami").Which.Cookie.Should().Be("ory_kratos_session=s1");
        if (status == HttpStatusCode.OK)
        {
            HtmlTags.WithTestId(html, "session/aal").Should().ContainSingle().Which.Should().Contain(">aal2</span>");
        }
    }

    [Test]
    public async Task Listens_on_the_port_it_is_given_and_says_so_when_that_port_is_taken()
    {
        var port = _ui.BaseUrl.Port;

        var start = () => ReferenceUi.StartAsync(new ReferenceUiOptions { Port = port, KratosPublicUrl = _kratos.Url });

        (await start.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"The reference UI could not listen on 127.0.0.1:{port}:*Pass Port = 0*");
    }

    private void ServeFlow(string snapshot) =>
        _kratos.Replies[$"/self-service/login/flows?id={FlowId}"] = (HttpStatusCode.OK, Snapshots.Flow(snapshot, FlowId, _kratos.Url).ToJsonString());

    private async Task<string> GetLoginAsync(string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_ui.LoginUrl, $"?flow={FlowId}"));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await _browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        return html;
    }
}
