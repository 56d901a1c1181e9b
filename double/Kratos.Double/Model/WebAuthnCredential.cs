using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// The webauthn credential of an identity (identity/credentials_webauthn.go CredentialsWebAuthnConfig, factors spec
/// §5.6): its keys and the user handle (the 16 identity-UUID bytes), written as version 1 with the WebAuthn
/// identifier traits as identifiers (identity/extension_credentials.go).
/// </summary>
internal sealed class WebAuthnCredential
{
    public List<WebAuthnKey> Keys { get; init; } = [];
    public required byte[] UserHandle { get; init; }
    public List<string> Identifiers { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>CountActiveMultiFactorCredentials: one count per key that is not passwordless.</summary>
    public int MfaKeys => Keys.Count(k => !k.IsPasswordless);

    public JsonObject Config() => new()
    {
        ["credentials"] = new JsonArray(Keys.Select(k => (JsonNode)k.ToJson()).ToArray()),
        ["user_handle"] = Convert.ToBase64String(UserHandle),
    };

    public static WebAuthnCredential FromConfig(JsonObject config, IEnumerable<string> identifiers, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Keys = (config["credentials"] as JsonArray ?? []).Select(k => WebAuthnKey.FromJson(k!)).ToList(),
        UserHandle = config["user_handle"] is { } handle ? Convert.FromBase64String(handle.GetValue<string>()) : [],
        Identifiers = identifiers.ToList(),
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}
