using System.Text.Json.Nodes;

namespace Kratos.Double.Config;

/// <summary>
/// What the double needs from the identity schema's <c>ory.sh/kratos</c> extension
/// (identity/extension_credentials.go, identity/extension_verification.go).
/// </summary>
internal sealed class IdentitySchema
{
    public required JsonObject Raw { get; init; }
    public required IReadOnlyList<SchemaTrait> Traits { get; init; }
    public required IReadOnlyList<string> RequiredTraits { get; init; }

    public static IdentitySchema From(JsonObject raw)
    {
        var traits = new List<SchemaTrait>();
        var traitsNode = raw["properties"]?["traits"];
        if (traitsNode?["properties"] is JsonObject props)
        {
            foreach (var (name, node) in props)
            {
                var ext = node?["ory.sh/kratos"];
                traits.Add(new SchemaTrait(
                    name,
                    node?["title"]?.GetValue<string>(),
                    node?["format"]?.GetValue<string>() == "email",
                    ext?["credentials"]?["password"]?["identifier"]?.GetValue<bool>() == true,
                    ext?["credentials"]?["code"]?["identifier"]?.GetValue<bool>() == true,
                    ext?["credentials"]?["code"]?["via"]?.GetValue<string>() ?? "email",
                    ext?["verification"]?["via"]?.GetValue<string>(),
                    ext?["recovery"]?["via"]?.GetValue<string>(),
                    ext?["credentials"]?["totp"]?["account_name"]?.GetValue<bool>() == true,
                    node?["type"]?.GetValue<string>() ?? "string",
                    node?["format"]?.GetValue<string>(),
                    ext?["credentials"]?["webauthn"]?["identifier"]?.GetValue<bool>() == true
                        || ext?["credentials"]?["passkey"]?["display_name"]?.GetValue<bool>() == true));
            }
        }

        var required = (traitsNode?["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
        return new IdentitySchema { Raw = raw, Traits = traits, RequiredTraits = required };
    }
}

internal sealed record SchemaTrait(
    string Name,
    string? Title,
    bool IsEmail,
    bool PasswordIdentifier,
    bool CodeIdentifier,
    string CodeVia,
    string? VerificationVia,
    string? RecoveryVia,
    bool TotpAccountName,
    string JsonType,
    string? Format,
    bool WebAuthnOrPasskeyName)
{
    /// <summary>
    /// The trait names the identifier input of the password form: selfservice/flow/login/extension_identifier_label.go
    /// counts password, WebAuthn and code identifiers, the passkey display name and the TOTP account name.
    /// </summary>
    public bool NamesIdentifier => PasswordIdentifier || CodeIdentifier || TotpAccountName || WebAuthnOrPasskeyName;
}
