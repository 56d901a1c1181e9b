using System.Text.Json.Nodes;
using FluentAssertions;

namespace Kratos.Double.Tests.Support;

/// <summary>Getting a second factor onto a test identity the way Ory's own tests do: through the settings flow (§11).</summary>
public static class Factors
{
    /// <summary>Signs in with the password, enrols TOTP in a settings flow and returns the secret.</summary>
    public static async Task<string> EnrolTotpAsync(Actor actor)
    {
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        var secret = TotpSecret(flow);
        var done = await actor.SubmitSettingsAsync(flow, ("method", "totp"), ("totp_code", TotpCodes.At(secret)));
        done.Body?["state"]?.GetValue<string>().Should().Be("success", "TOTP enrolment must succeed ({0})", done);
        return secret;
    }

    /// <summary>Regenerates and confirms backup codes in one settings flow; returns the 12 codes.</summary>
    public static async Task<List<string>> EnrolLookupAsync(Actor actor)
    {
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        var regenerated = await actor.SubmitSettingsAsync(flow, ("method", "lookup_secret"), ("lookup_secret_regenerate", "true"));
        var codes = LookupCodes(regenerated.Body);
        codes.Should().HaveCount(12, "regenerate shows 12 codes ({0})", regenerated);
        var confirmed = await actor.SubmitSettingsAsync(regenerated.Body!, ("method", "lookup_secret"), ("lookup_secret_confirm", "true"));
        confirmed.Body?["state"]?.GetValue<string>().Should().Be("success", "confirming backup codes must succeed ({0})", confirmed);
        return codes;
    }

    public static string TotpSecret(JsonNode flow) =>
        Node(flow, "totp_secret_key")!["attributes"]!["text"]!["context"]!["secret"]!.GetValue<string>();

    public static List<string> LookupCodes(JsonNode? flow) =>
        Node(flow, "lookup_secret_codes")?["attributes"]?["text"]?["context"]?["secrets"]?.AsArray()
            .Select(s => s!["context"]?["secret"]?.GetValue<string>()).OfType<string>().ToList() ?? [];

    /// <summary>A node by name (inputs) or id (text, img, script).</summary>
    public static JsonNode? Node(JsonNode? flow, string id) =>
        flow?["ui"]?["nodes"]?.AsArray().FirstOrDefault(n => (n!["attributes"]!["name"] ?? n["attributes"]!["id"])?.GetValue<string>() == id);

    public static List<string> NodeIds(JsonNode? flow) =>
        flow?["ui"]?["nodes"]?.AsArray().Select(n => $"{n!["group"]}/{(n["attributes"]!["name"] ?? n["attributes"]!["id"])}").ToList() ?? [];
}
