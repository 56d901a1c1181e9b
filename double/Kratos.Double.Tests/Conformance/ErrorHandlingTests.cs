using System.Text;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>Kratos-style errors for bad requests, CSRF, AAL preconditions, and logout (never a 500).</summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class ErrorHandlingTests(DoubleStore store)
{
    private DoubleHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _harness = await DoubleHarness.StartAsync(store: store);

    [OneTimeTearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    private async Task<(Actor Actor, string Email)> LoggedInAsync(ClientStyle style = ClientStyle.Spa)
    {
        var email = $"err-{Guid.NewGuid():N}@example.com";
        await _harness.CreateIdentityAsync(email);
        var actor = _harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        return (actor, email);
    }

    [Test]
    public async Task Unknown_flow_is_404_and_bad_bodies_are_400()
    {
        using var actor = _harness.NewActor();
        var missing = await actor.FetchFlowAsync(Guid.NewGuid().ToString());
        missing.Code.Should().Be(404);
        OpenApiSchemas.Validate("errorGeneric", missing.Body).IsValid.Should().BeTrue();

        var flow = (await actor.CreateLoginFlowAsync()).Body!;
        var path = "/self-service/login?flow=" + flow["id"];
        var malformed = await actor.SendAsync(HttpMethod.Post, path, new StringContent("{not json", Encoding.UTF8, "application/json"), false);
        malformed.Code.Should().Be(400, "{0}", malformed);
        malformed.Body!["error"]!["code"]!.GetValue<int>().Should().Be(400);
        var unknown = await actor.SubmitAsync(flow, ("method", "password"), ("bogus", "x"));
        unknown.Code.Should().Be(400, "{0}", unknown);
        var wrongVerb = await actor.SendAsync(HttpMethod.Put, path, null, false);
        wrongVerb.Code.Should().Be(405);
        var noStrategy = await actor.SubmitAsync(flow, ("method", "carrier-pigeon"));
        FlowJson.MessageIds(noStrategy.Body).Should().Equal(4010002);
    }

    [Test]
    public async Task Wrong_password_is_4000006()
    {
        var email = $"pw-{Guid.NewGuid():N}@example.com";
        await _harness.CreateIdentityAsync(email);
        using var actor = _harness.NewActor();
        var flow = (await actor.CreateLoginFlowAsync()).Body!;
        var reply = await actor.SubmitAsync(flow, ("method", "password"), ("identifier", email), ("password", "wrong"));
        reply.Code.Should().Be(400);
        FlowJson.MessageIds(reply.Body).Should().Equal(4000006);
    }

    [Test]
    public async Task Spa_submit_without_csrf_token_is_403_security_csrf_violation()
    {
        using var actor = _harness.NewActor();
        var flow = (await actor.CreateLoginFlowAsync()).Body!;
        var reply = await actor.SubmitAsync(flow, ("method", "password"), ("identifier", "x@example.com"), ("password", "x"), ("csrf_token", "forged"));
        reply.Code.Should().Be(403);
        reply.Body!["error"]!["id"]!.GetValue<string>().Should().Be("security_csrf_violation");
    }

    [Test]
    public async Task Api_flow_submitted_with_a_cookie_is_refused_with_4000001()
    {
        var (actor, email) = await LoggedInAsync(ClientStyle.Native);
        using var _ = actor;
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        actor.Cookies.Add(new Uri(_harness.Host.PublicBaseUrl, "/"), new System.Net.Cookie("tracking", "1"));
        var reply = await actor.SubmitAsync(flow, ("method", "code"), ("code", "123456"), ("identifier", email));
        reply.Code.Should().Be(400);
        FlowJson.MessageIds(reply.Body).Should().Equal(4000001);
    }

    [Test]
    public async Task Aal1_flow_with_a_session_is_session_already_available()
    {
        var (actor, _) = await LoggedInAsync();
        using var _a = actor;
        var reply = await actor.CreateLoginFlowAsync();
        reply.Code.Should().Be(400);
        reply.Body!["error"]!["id"]!.GetValue<string>().Should().Be("session_already_available");
    }

    [Test]
    public async Task Return_to_outside_allowed_urls_is_refused()
    {
        using var actor = _harness.NewActor();
        var reply = await actor.CreateLoginFlowAsync("return_to=https://evil.example.com/");
        reply.Code.Should().Be(400);
        reply.Body!["error"]!["id"]!.GetValue<string>().Should().Be("self_service_flow_return_to_forbidden");
    }

    [Test]
    public async Task Browser_and_api_logout_end_the_session()
    {
        var (browser, _) = await LoggedInAsync();
        using var _b = browser;
        var logout = await browser.SendAsync(HttpMethod.Get, "/self-service/logout/browser", null, false, forceJson: true);
        logout.Code.Should().Be(200);
        OpenApiSchemas.Validate("logoutFlow", logout.Body).IsValid.Should().BeTrue();
        browser.Style = ClientStyle.Browser;
        var done = await browser.SendAsync(HttpMethod.Get, new Uri(logout.Body!["logout_url"]!.GetValue<string>()).PathAndQuery, null, false);
        done.Code.Should().Be(303);
        (await browser.WhoamiAsync()).Code.Should().Be(401);

        var (app, _) = await LoggedInAsync(ClientStyle.Native);
        using var _n = app;
        var body = new System.Text.Json.Nodes.JsonObject { ["session_token"] = app.SessionToken };
        (await app.SendAsync(HttpMethod.Delete, "/self-service/logout/api", FlowJson.Content(body), false)).Code.Should().Be(204);
        (await app.WhoamiAsync()).Code.Should().Be(401);
    }

    [Test]
    public async Task Native_login_and_session_validate_against_the_openapi_schemas()
    {
        await using var lax = await DoubleHarness.StartAsync(env: new Dictionary<string, string> { ["SESSION_WHOAMI_REQUIRED_AAL"] = "aal1" }, store: store);
        var email = $"oa-{Guid.NewGuid():N}@example.com";
        await lax.CreateIdentityAsync(email);
        using var app = lax.NewActor();
        app.Style = ClientStyle.Native;
        var reply = await app.PasswordLoginAsync(email);

        // Kratos writes continue_with: null (a nil slice without omitempty) although its OpenAPI says array.
        reply.Body!["continue_with"].Should().BeNull();
        var body = reply.Body!.DeepClone().AsObject();
        body.Remove("continue_with");
        var result = OpenApiSchemas.Validate("successfulNativeLogin", body);
        result.IsValid.Should().BeTrue(OpenApiSchemas.Describe(result));
        var session = OpenApiSchemas.Validate("session", (await app.WhoamiAsync()).Body);
        session.IsValid.Should().BeTrue(OpenApiSchemas.Describe(session));
        using var anonymous = lax.NewActor();
        OpenApiSchemas.Validate("errorGeneric", (await anonymous.WhoamiAsync()).Body).IsValid.Should().BeTrue();
    }

    [Test]
    public async Task Browser_aal2_without_session_goes_to_the_error_ui_with_a_stored_error()
    {
        using var browser = _harness.NewActor();
        browser.Style = ClientStyle.Browser;
        var reply = await browser.CreateLoginFlowAsync("aal=aal2");
        reply.Code.Should().Be(303);
        reply.Location.Should().StartWith("http://127.0.0.1:4455/error?id=");
        var id = reply.Location![(reply.Location.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        var stored = await browser.SendAsync(HttpMethod.Get, "/self-service/errors?id=" + id, null, false, forceJson: true);
        stored.Body!["error"]!["id"]!.GetValue<string>().Should().Be("session_aal1_required");
    }

    [Test]
    public async Task Expired_flow_fetch_is_410_self_service_flow_expired()
    {
        var yaml = DoubleConfigs.Yaml().Replace("      ui_url: http://127.0.0.1:4455/login", "      ui_url: http://127.0.0.1:4455/login\n      lifespan: 1ns", StringComparison.Ordinal);
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, store: store);
        using var actor = harness.NewActor();
        var flow = (await actor.CreateLoginFlowAsync()).Body!;
        var fetched = await actor.FetchFlowAsync(flow["id"]!.GetValue<string>());
        fetched.Code.Should().Be(410, "{0}", fetched);
        fetched.Body!["error"]!["id"]!.GetValue<string>().Should().Be("self_service_flow_expired");
        var submitted = await actor.SubmitAsync(flow, ("method", "password"), ("identifier", "a@example.com"), ("password", "x"));
        submitted.Code.Should().Be(410, "{0}", submitted);
        submitted.Body!["use_flow_id"].Should().NotBeNull();
    }
}
