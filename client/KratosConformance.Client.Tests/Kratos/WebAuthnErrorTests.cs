using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>
/// The double's answers where a WebAuthn body is wrong, at each emulated version, as Kratos gives them
/// (docs/kratos-facts.md, "WebAuthn as a second factor beyond the spec"): a registration whose attestation fails
/// verification is herodot's 500 "Unable to create WebAuthn credential: &lt;go-webauthn's detail&gt;"
/// (selfservice/strategy/webauthn/settings.go; the settings error handler forwards a non-400 error: JSON 500 for an
/// SPA, the error page for a browser); an assertion whose authenticator data does not parse is 4000001 "Unable to parse
/// WebAuthn response." on the re-rendered flow (login.go, go-webauthn's Parse).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebAuthnErrorTests
{
    private const string InternalMessage = "An internal server error occurred, please contact the system administrator";

    [TestCaseSource(typeof(WebAuthnDoubleTests), nameof(WebAuthnDoubleTests.Versions))]
    public async Task A_registration_from_another_origin_is_kratos_500_for_an_spa(string version)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        var (client, flow, identity) = await SettingsAsync(deployment, ClientStyle.Spa);
        using var _ = client;
        await using var __ = identity;
        using var key = new SoftwareAuthenticator();

        var refused = await new WebAuthnDriver(deployment.Profile.Facts, EvidenceRecorder.Discarding()).RegisterAsync(client, flow, key, "https://attacker.example", "key");

        refused.Status.Should().Be(500);
        ErrorOf(refused.Body).Should().Be(Expected("Error validating origin"));
    }

    [TestCaseSource(typeof(WebAuthnDoubleTests), nameof(WebAuthnDoubleTests.Versions))]
    public async Task A_registration_over_another_challenge_is_kratos_500_on_the_error_page_for_a_browser(string version)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        var (client, flow, identity) = await SettingsAsync(deployment, ClientStyle.Browser);
        using var _ = client;
        await using var __ = identity;
        using var key = new SoftwareAuthenticator();
        var options = JsonNode.Parse(WebAuthnDriver.Options(flow, "webauthn_register_trigger")!)!.AsObject();
        options["publicKey"]!["challenge"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var answer = key.Create(options.ToJsonString(), deployment.Profile.Facts.WebAuthnOrigins[0]);

        var refused = await new WebAuthnDriver(deployment.Profile.Facts, EvidenceRecorder.Discarding()).RegisterAsync(client, flow, key, deployment.Profile.Facts.WebAuthnOrigins[0], "key", answer);

        refused.Status.Should().Be(303);
        refused.Location.Should().StartWith(deployment.Profile.Facts.ErrorUiUrl!.AbsoluteUri + "?id=");
        var id = new Uri(refused.Location!).Query.Split("id=")[1];
        using var http = new HttpClient { BaseAddress = deployment.Endpoints.PublicUrl };
        var stored = JsonNode.Parse(await http.GetStringAsync("self-service/errors?id=" + id));
        ErrorOf(stored).Should().Be(Expected("Error validating challenge"));
    }

    [TestCaseSource(typeof(WebAuthnDoubleTests), nameof(WebAuthnDoubleTests.Versions))]
    public async Task An_assertion_with_short_authenticator_data_does_not_parse(string version)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        var facts = deployment.Profile.Facts;
        var evidence = EvidenceRecorder.Discarding();
        var driver = new WebAuthnDriver(facts, evidence);
        var (owner, settings, identity) = await SettingsAsync(deployment, ClientStyle.Spa);
        using var _ = owner;
        await using var __ = identity;
        using var key = new SoftwareAuthenticator();
        (await driver.RegisterAsync(owner, settings, key, facts.WebAuthnOrigins[0], "key")).Status.Should().Be(200);

        using var user = KratosClient.Create(ClientStyle.Spa, deployment.Endpoints, evidence, facts);
        await user.SignInWithPasswordAsync(identity.Email, identity.Password);
        var flow = (await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" })).Flow!;
        var answer = JsonNode.Parse(key.Get(WebAuthnDriver.Options(flow, "webauthn_login_trigger")!, facts.WebAuthnOrigins[0]))!.AsObject();
        answer["response"]!["authenticatorData"] = "AAAAAAAAAAAAAAAAAAAAAA";

        var refused = await driver.LoginRawAsync(user, flow, identity.Email.ToLowerInvariant(), answer.ToJsonString(), "authenticator data of 16 bytes");

        refused.Status.Should().Be(400);
        refused.Flow!.MessageIds.Should().Equal(4000001);
        refused.Flow.Ui.Messages.Single().Text.Should().Be("Unable to parse WebAuthn response.");
        (await user.WhoAmIAsync()).Session?.Aal.Should().Be("aal1");
    }

    private static async Task<(KratosClient Client, LoginFlow Flow, TestIdentity Identity)> SettingsAsync(DoubleDeployment deployment, ClientStyle style)
    {
        var evidence = EvidenceRecorder.Discarding();
        var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync("webauthn-errors");
        var client = KratosClient.Create(style, deployment.Endpoints, evidence, deployment.Profile.Facts);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);
        var opened = await new FactorDriver(deployment.Profile.Facts, evidence).OpenSettingsAsync(client);
        return (client, opened.Flow!, identity);
    }

    private static string ErrorOf(JsonNode? body) => body?["error"] is JsonObject e
        ? $"{e["code"]} {e["status"]} | {e["reason"]} | {e["message"]}"
        : "(no error object)";

    private static string Expected(string detail) => $"500 Internal Server Error | Unable to create WebAuthn credential: {detail} | {InternalMessage}";
}
