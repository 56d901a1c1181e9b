using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// identity/credentials_lookup.go CredentialsLookupConfig, stored as Kratos stores it: config {"recovery_codes":
/// [{"code": "…", "used_at": null | RFC 3339}]}, version 0, identifiers [identity id]. sqlxx.NullTime marshals the zero
/// time as null, so an unused code carries "used_at": null although the struct tag says omitempty.
/// </summary>
internal sealed record LookupCredential(IReadOnlyList<RecoveryCode> Codes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>CountActiveMultiFactorCredentials: at least one code, used or not.</summary>
    public bool IsActive => Codes.Count > 0;

    public JsonObject Config() => new()
    {
        ["recovery_codes"] = new JsonArray(Codes.Select(c => (JsonNode)new JsonObject
        {
            ["code"] = c.Code,
            ["used_at"] = c.UsedAt is { } at ? JsonValue.Create(Time.Format(at)) : null,
        }).ToArray()),
    };

    public static LookupCredential FromConfig(JsonObject config, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new([.. (config["recovery_codes"] as JsonArray ?? []).Select(c => new RecoveryCode(
            c!["code"]!.GetValue<string>(),
            c["used_at"] is JsonValue v ? DateTimeOffset.Parse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null))],
            createdAt, updatedAt);
}
