using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Profiles;
using KratosConformance.Client.Tests.Kratos;
using NUnit.Framework;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KratosConformance.Harness.Tests.Profiles;

/// <summary>
/// The profiles must be configuration real Kratos accepts: users run them against oryd/kratos, which refuses a
/// kratos.yml that breaks its config JSON schema at start (embedx/config.schema.json). The double is lenient about
/// unknown keys, so only this check catches a profile that works here and fails for users.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ProfilesAgainstKratosSchemaTests
{
    private static readonly HarnessWiring Wiring = new()
    {
        PublicBaseUrl = new Uri("http://127.0.0.1:40001/"),
        AdminBaseUrl = new Uri("http://kratos-default:4434/"),
        SmtpConnectionUri = "smtp://mail:25/?disable_starttls=true",
        LoginUiUrl = new Uri("http://127.0.0.1:40003/login"),
        ErrorUiUrl = new Uri("http://127.0.0.1:40003/error"),
        DefaultReturnUrl = new Uri("http://127.0.0.1:40003/"),
        Version = KratosVersion.V26_2_0,
        Dev = true,
    };

    // Built once: schemas register their $id, and registering the same one twice is refused.
    private static readonly Lazy<JsonSchema> KratosConfigSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(KratosReference.ConfigSchema), new BuildOptions { SchemaRegistry = Registry() }));

    [TestCase(KratosProfiles.Default)]
    [TestCase(KratosProfiles.ShortCodeLifespan)]
    [TestCase(KratosProfiles.ShortLoginLifespan)]
    [TestCase(KratosProfiles.WhoamiAal1)]
    public void Composed_profile_is_valid_against_kratos_v26_2_0_config_schema(string profile)
    {
        var composed = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles")).Compose(profile, Wiring);
        var result = KratosConfigSchema.Value.Evaluate(JsonSerializer.SerializeToElement(ToJson(composed.KratosYml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToList();
        result.IsValid.Should().BeTrue("profile '{0}' must be a kratos.yml real Kratos v26.2.0 accepts; schema errors:\n{1}", profile, string.Join("\n", errors));
    }

    [Test]
    public void The_upgrade_overlay_composed_on_the_default_profile_is_valid_against_kratos_v26_2_0_config_schema()
    {
        // kc upgrade runs the same config on every version; its overlay adds WebAuthn and the courier's sms channel.
        var profiles = Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles");
        var composed = new ProfileComposer(profiles, userSchemaPath: Path.Combine(profiles, "storage", "upgrade.schema.json"), overlayPath: Path.Combine(profiles, "storage", "upgrade.yml"))
            .Compose(KratosProfiles.Default, Wiring with { SmsUrl = new Uri("http://127.0.0.1:40005/sms") });
        var result = KratosConfigSchema.Value.Evaluate(JsonSerializer.SerializeToElement(ToJson(composed.KratosYml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToList();
        result.IsValid.Should().BeTrue("the upgrade's kratos.yml must be one real Kratos v26.2.0 accepts; schema errors:\n{0}", string.Join("\n", errors));
        composed.UsesSms.Should().BeTrue("the overlay brings the sms channel the SMS user's code goes through");
        composed.Facts.WebAuthnOrigins.Should().BeEquivalentTo(new[] { "http://localhost:4455" }, "an upgrade's UI is on 127.0.0.1, so the overlay's relying party stays");
        composed.KratosYml.Should().Contain("http://127.0.0.1:40005/sms", "the wiring points the channel at the upgrade's SMS sink");
        var schema = JsonNode.Parse(composed.IdentitySchemaJson)!["properties"]!["traits"]!["properties"]!;
        (schema["phone"]?["ory.sh/kratos"]?["credentials"]?["code"]?["via"]?.GetValue<string>()).Should().Be("sms", "the SMS user's phone is a code address via sms (factors spec §10.5)");
        (schema["email"]?["ory.sh/kratos"]?["credentials"]?["webauthn"]?["identifier"]?.GetValue<bool>()).Should().BeTrue("registering a key needs a WebAuthn identifier (else 4000009, factors spec §5.1)");
    }

    [Test]
    public void A_value_kratos_refuses_is_reported()
    {
        // The check above must be able to fail: session.whoami.required_aal only takes aal1 or highest_available.
        var composed = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles")).Compose(KratosProfiles.Default, Wiring);
        var broken = composed.KratosYml.Replace("required_aal: highest_available", "required_aal: aal3", StringComparison.Ordinal);
        broken.Should().NotBe(composed.KratosYml, "the base profile sets session.whoami.required_aal");

        KratosConfigSchema.Value.Evaluate(JsonSerializer.SerializeToElement(ToJson(broken))).IsValid.Should().BeFalse();
    }

    /// <summary>ory://tracing-config is embedded in Kratos's binary; the profiles set no tracing, so any schema will do.</summary>
    private static SchemaRegistry Registry()
    {
        var registry = new SchemaRegistry();
        registry.Register(new Uri("ory://tracing-config"), JsonSchema.FromText("""{"type":"object"}""", new BuildOptions { SchemaRegistry = registry }));
        return registry;
    }

    /// <summary>YAML as Kratos reads it: plain scalars become numbers and booleans where they look like them.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new JsonException("unexpected YAML node " + node.NodeType),
    };
}
