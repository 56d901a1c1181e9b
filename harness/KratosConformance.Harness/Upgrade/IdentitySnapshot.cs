using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// What Kratos's admin API (GET /admin/identities/{id}) says of a user: credential types, each address's verified flag,
/// and the code credential's identifiers (the addresses a code can go to, a phone among them; factors spec §10.5).
/// </summary>
public sealed record IdentitySnapshot(IReadOnlyList<string> CredentialTypes, IReadOnlyDictionary<string, bool> Verified, string State)
{
    /// <summary>credentials.code.identifiers as the admin API lists them.</summary>
    public IReadOnlyList<string> CodeIdentifiers { get; init; } = [];

    public static IdentitySnapshot From(JsonObject identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var types = (identity["credentials"] as JsonObject)?.Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        var verified = (identity["verifiable_addresses"] as JsonArray ?? [])
            .Where(a => a?["value"] is not null)
            .ToDictionary(a => a!["value"]!.GetValue<string>(), a => a!["verified"]?.GetValue<bool>() == true, StringComparer.OrdinalIgnoreCase);
        var code = (identity["credentials"]?["code"]?["identifiers"] as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>().ToList();
        return new IdentitySnapshot(types, verified, identity["state"]?.GetValue<string>() ?? "?") { CodeIdentifiers = code };
    }

    public string CredentialsText => CredentialTypes.Count == 0 ? "none" : string.Join(", ", CredentialTypes);

    /// <summary>Whether <paramref name="address"/> is one of the code credential's identifiers.</summary>
    public string CodeAddressText(string address) =>
        CodeIdentifiers.Contains(address, StringComparer.OrdinalIgnoreCase) ? "a code address (credentials.code.identifiers)" : "not a code address";

    public string VerifiedText(string address) => Verified.TryGetValue(address, out var v) ? (v ? "verified" : "not verified") : "address missing";
}
