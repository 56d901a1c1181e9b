using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>The settings flow's answers per client style (§7.5): success, no session, and the profile/password forms.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SettingsFlowTests
{
    [TestCase(ClientStyle.Browser)]
    [TestCase(ClientStyle.Spa)]
    [TestCase(ClientStyle.Native)]
    public async Task A_success_answers_each_client_style_as_kratos_does(ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"success-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        var id = flow["id"]!.GetValue<string>();

        var done = await actor.SubmitSettingsAsync(flow, ("method", "totp"), ("totp_code", TotpCodes.At(Factors.TotpSecret(flow))));

        var ui = "http://127.0.0.1:4455/settings?flow=" + id;
        done.Body!["state"]!.GetValue<string>().Should().Be("success");
        FlowJson.MessageIds(done.Body).Should().Equal([1050001L]);
        Factors.NodeIds(done.Body).Should().Contain("totp/totp_unlink").And.NotContain("totp/totp_qr", "the UI is rebuilt for an identity with TOTP");
        switch (style)
        {
            case ClientStyle.Browser:
                done.Code.Should().Be(303);
                done.Location.Should().Be(ui);
                break;
            case ClientStyle.Spa:
                done.Code.Should().Be(200);
                done.Body!["continue_with"]!.ToJsonString().Should().Be($$"""[{"action":"redirect_browser_to","redirect_browser_to":"{{ui}}"}]""");
                break;
            default:
                done.Code.Should().Be(200);
                done.Body!["continue_with"].Should().BeNull("API flows get no continue_with from settings");
                break;
        }

        var validation = OpenApiSchemas.Validate("settingsFlow", done.Body);
        validation.IsValid.Should().BeTrue("the flow must satisfy the OpenAPI settingsFlow schema: {0}", OpenApiSchemas.Describe(validation));
    }

    [Test]
    public async Task Without_a_session_the_browser_goes_to_login_and_json_gets_session_inactive()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors());
        using var browser = harness.NewActor();
        browser.Style = ClientStyle.Browser;
        using var spa = harness.NewActor();

        var redirected = await browser.CreateSettingsFlowAsync("return_to=http://127.0.0.1:4455/after");
        var refused = await spa.CreateSettingsFlowAsync();

        redirected.Location.Should().Be(harness.Host.PublicBaseUrl + "self-service/login/browser?return_to=" + Uri.EscapeDataString("http://127.0.0.1:4455/after"));
        refused.Code.Should().Be(401);
        refused.Body!["error"]!["id"]!.GetValue<string>().Should().Be("session_inactive");
    }

    [Test]
    public async Task The_profile_and_password_forms_are_rendered_for_the_identity_schema()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"forms-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);

        var flow = (await actor.CreateSettingsFlowAsync()).Body!;

        Factors.NodeIds(flow).Should().Equal(
            "default/csrf_token", "profile/traits.email", "profile/method", "password/password", "password/method",
            "lookup_secret/lookup_secret_regenerate", "totp/totp_qr", "totp/totp_secret_key", "totp/totp_code", "totp/method");
        var trait = Factors.Node(flow, "traits.email")!["attributes"]!;
        trait["type"]!.GetValue<string>().Should().Be("email");
        trait["value"]!.GetValue<string>().Should().Be(email);
        trait["autocomplete"]!.GetValue<string>().Should().Be("email");
        Factors.Node(flow, "password")!["attributes"]!["autocomplete"]!.GetValue<string>().Should().Be("new-password");
        flow["state"]!.GetValue<string>().Should().Be("show_form");
    }
}
