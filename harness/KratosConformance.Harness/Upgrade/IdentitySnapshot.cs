using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Upgrade;

/// <summary>What Kratos's admin API (GET /admin/identities/{id}) says of a user: credential types and each address's verified flag.</summary>
public sealed record IdentitySnapshot(IReadOnlyList<string> CredentialTypes, IReadOnlyDictionary<string, bool> Verified, string State)
{
    public static IdentitySnapshot From(JsonObject identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var types = (identity["credentials"] as JsonObject)?.Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        var verified = (identity["verifiable_addresses"] as JsonArray ?? [])
            .Where(a => a?["value"] is not null)
            .ToDictionary(a => a!["value"]!.GetValue<string>(), a => a!["verified"]?.GetValue<bool>() == true, StringComparer.OrdinalIgnoreCase);
        return new IdentitySnapshot(types, verified, identity["state"]?.GetValue<string>() ?? "?");
    }

    public string CredentialsText => CredentialTypes.Count == 0 ? "none" : string.Join(", ", CredentialTypes);

    public string VerifiedText(string address) => Verified.TryGetValue(address, out var v) ? (v ? "verified" : "not verified") : "address missing";
}
