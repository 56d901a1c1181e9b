using System.Globalization;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// What Kratos's admin API shows of an identity's WebAuthn credential (GET /admin/identities/{id}?include_credential=webauthn,
/// factors spec §5.6): the credential's version and identifiers, the user handle, and per key its id, public key,
/// attestation type, stored sign_count and passwordless flag; <see cref="Missing"/> lists the members of Kratos's shape
/// the credential lacks. <see cref="Text"/> shortens the byte fields for a report row; <see cref="Stored"/> keeps them
/// whole, so B carried the key forward unchanged when the two are equal.
/// </summary>
public sealed record WebAuthnKeySnapshot(string Text, string Stored, IReadOnlyList<string> Missing)
{
    private static readonly string[] KeyMembers = ["id", "public_key", "attestation_type", "authenticator", "display_name", "added_at", "is_passwordless"];

    /// <summary>The snapshot of <paramref name="identity"/>'s webauthn credential, or one that says why there is none.</summary>
    public static WebAuthnKeySnapshot From(JsonNode? identity)
    {
        if (identity?["credentials"]?["webauthn"] is not JsonObject credential)
        {
            return new WebAuthnKeySnapshot("no webauthn credential", string.Empty, ["credentials.webauthn"]);
        }

        var missing = new List<string>();
        var config = credential["config"] as JsonObject;
        var keys = config?["credentials"] as JsonArray;
        if (keys is null)
        {
            missing.Add("config.credentials");
        }

        if (config?["user_handle"] is null)
        {
            missing.Add("config.user_handle");
        }

        var parts = new List<string>
        {
            "version " + (credential["version"]?.ToJsonString() ?? "?"),
            "identifiers " + string.Join(",", (credential["identifiers"] as JsonArray ?? []).Select(i => i?.ToString())),
            "user_handle " + Short(config?["user_handle"]?.ToString()),
        };
        foreach (var (key, index) in (keys ?? []).Select((k, i) => (k as JsonObject, i)))
        {
            missing.AddRange(KeyMembers.Where(m => key?[m] is null).Select(m => $"config.credentials[{index.ToString(CultureInfo.InvariantCulture)}].{m}"));
            parts.Add($"key {Short(key?["id"]?.ToString())} (public_key {Short(key?["public_key"]?.ToString())}, {key?["attestation_type"]}, "
                + $"sign_count {key?["authenticator"]?["sign_count"]?.ToJsonString() ?? "?"}, is_passwordless {key?["is_passwordless"]?.ToJsonString() ?? "?"})");
        }

        var stored = new JsonObject
        {
            ["version"] = credential["version"]?.DeepClone(),
            ["identifiers"] = credential["identifiers"]?.DeepClone(),
            ["user_handle"] = config?["user_handle"]?.DeepClone(),
            ["keys"] = new JsonArray([.. (keys ?? []).Select(k => (JsonNode)new JsonObject
            {
                ["id"] = k?["id"]?.DeepClone(), ["public_key"] = k?["public_key"]?.DeepClone(), ["attestation_type"] = k?["attestation_type"]?.DeepClone(),
                ["sign_count"] = k?["authenticator"]?["sign_count"]?.DeepClone(), ["aaguid"] = k?["authenticator"]?["aaguid"]?.DeepClone(),
                ["is_passwordless"] = k?["is_passwordless"]?.DeepClone(), ["display_name"] = k?["display_name"]?.DeepClone(),
            })]),
        };
        return new WebAuthnKeySnapshot(string.Join("; ", parts), stored.ToJsonString(), missing);
    }

    /// <summary>The same key, stored as Kratos stores it.</summary>
    public bool SameAs(WebAuthnKeySnapshot other) =>
        other is not null && Missing.Count == 0 && other.Missing.Count == 0 && string.Equals(Stored, other.Stored, StringComparison.Ordinal);

    public override string ToString() => Missing.Count == 0 ? Text : $"{Text}; missing {string.Join(", ", Missing)}";

    // The first 12 characters of a base64 value: enough to tell keys apart in a report row.
    private static string Short(string? value) => value is null ? "none" : value.Length <= 12 ? value : value[..12] + "…";
}
