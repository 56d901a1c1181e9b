using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The mfa-optional profile (§9, code_optional.spec.ts): the code address is an optional trait of its own, so only
/// identities that filled it in have aal2 available; whoami and settings use highest_available.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OptionalCodeMfaTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": { "traits": { "type": "object", "properties": {
            "email": { "type": "string", "format": "email", "title": "E-Mail",
              "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } } },
            "optionalMfaEmail": { "type": "string", "format": "email", "title": "MFA E-Mail",
              "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "email" } } } }
          }, "required": ["email"] } }
        }
        """;

    internal static string Yaml(string whoamiAal = "highest_available") =>
        DoubleConfigs.Yaml($"session:\n  whoami:\n    required_aal: {whoamiAal}\n", schema: Schema)
            .Replace("\n    error:\n", "\n    settings:\n      ui_url: http://127.0.0.1:4455/settings\n      required_aal: highest_available\n    error:\n", StringComparison.Ordinal);

    [TestCase("v26.2.0")]
    [TestCase("v25.4.0")]
    public async Task Without_the_optional_address_a_password_login_is_enough(string version)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: Yaml());
        var email = $"plain-{Guid.NewGuid():N}@example.com";
        await CreateAsync(harness, email, null);
        using var actor = harness.NewActor();

        var login = await actor.PasswordLoginAsync(email);
        var who = await actor.WhoamiAsync();
        var settings = await actor.CreateSettingsFlowAsync();

        login.Code.Should().Be(200, "no second factor is available ({0})", login);
        who.Body!["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()).Should().Equal(["password"]);
        settings.Code.Should().Be(200, "settings open without 2FA ({0})", settings);
    }

    [Test]
    public async Task At_v1_3_1_code_mfa_counts_for_an_identity_without_any_code_address()
    {
        await using var harness = await DoubleHarness.StartAsync("v1.3.1", yaml: Yaml());
        var email = $"plain-{Guid.NewGuid():N}@example.com";
        await CreateAsync(harness, email, null);
        using var actor = harness.NewActor();

        var login = await actor.PasswordLoginAsync(email);
        var who = await actor.WhoamiAsync();

        login.Body!["error"]!["id"]!.GetValue<string>().Should().Be("browser_location_change_required", "v1.3.1's code strategy counts 1 whenever mfa_enabled is on ({0})", login);
        who.Code.Should().Be(403);
    }

    [TestCase("v26.2.0", "sent_email")]
    [TestCase("v25.4.0", "choose_method")]
    [TestCase("v1.3.1", "choose_method")]
    public async Task With_the_optional_address_the_code_goes_there_and_settings_need_aal2(string version, string state)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: Yaml());
        var email = $"main-{Guid.NewGuid():N}@example.com";
        var mfa = $"mfa-{Guid.NewGuid():N}@example.com";
        await CreateAsync(harness, email, mfa);
        using var actor = harness.NewActor();

        var login = await actor.PasswordLoginAsync(email);
        var before = await actor.CreateSettingsFlowAsync();
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        if (state == "choose_method")
        {
            Factors.Node(flow, "address")!["attributes"]!["value"]!.GetValue<string>().Should().Be(mfa);
            flow = (await actor.SubmitAsync(flow, ("method", "code"), ("address", mfa))).Body!;
        }

        var code = (await harness.CodesForAsync(mfa)).Single();
        var done = await actor.SubmitAsync(flow, ("method", "code"), ("code", code), ("identifier", mfa));
        var after = await actor.CreateSettingsFlowAsync();

        login.Body!["error"]!["id"]!.GetValue<string>().Should().Be("browser_location_change_required");
        before.Code.Should().Be(403, "settings require the second factor ({0})", before);
        (await harness.CodesForAsync(email)).Should().BeEmpty("the code goes to the optional address only");
        done.Code.Should().Be(200, "{0}", done);
        done.Body!["session"]!["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()).Should().Equal(["password", "code"]);
        after.Code.Should().Be(200);
    }

    [Test]
    public async Task A_lax_aal1_session_is_sent_from_settings_to_the_code_screen()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Yaml("aal1"));
        var email = $"lax-{Guid.NewGuid():N}@example.com";
        await CreateAsync(harness, email, $"lax-mfa-{Guid.NewGuid():N}@example.com");
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Browser;
        await actor.PasswordLoginAsync(email);

        var settings = await actor.CreateSettingsFlowAsync();
        var login = await actor.SendAsync(HttpMethod.Get, new Uri(settings.Location!).PathAndQuery, null, followToUi: true);

        settings.Location.Should().Be(harness.Host.PublicBaseUrl + "self-service/login/browser?aal=aal2");
        login.Body!["state"]!.GetValue<string>().Should().Be("sent_email", "v26.2.0 sends the code at once ({0})", login);
        Factors.Node(login.Body, "code").Should().NotBeNull();
    }

    internal static async Task CreateAsync(DoubleHarness harness, string email, string? mfa)
    {
        var traits = new JsonObject { ["email"] = email };
        if (mfa is not null)
        {
            traits["optionalMfaEmail"] = mfa;
        }

        using var admin = new HttpClient { BaseAddress = harness.Host.AdminBaseUrl };
        var body = new JsonObject
        {
            ["schema_id"] = "default", ["traits"] = traits,
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = "a-strong-test-password-1" } } },
        };
        using var response = await admin.PostAsync("/admin/identities", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        ((int)response.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
    }
}
