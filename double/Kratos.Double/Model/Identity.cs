using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>An identity with the credentials the double supports (identity/identity.go).</summary>
internal sealed class Identity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string SchemaId { get; init; }
    public required string SchemaUrl { get; init; }
    public required JsonObject Traits { get; init; }
    // Stryker disable once all : equivalent: every identity is made by the admin API (IdentityFactory), which sets the state itself (docs/mutation-survivors.md)
    public string State { get; set; } = "active";
    public JsonNode? MetadataPublic { get; init; }
    public JsonNode? MetadataAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public string? Password { get; set; }
    public List<string> PasswordIdentifiers { get; } = [];
    public List<(string Channel, string Address)> CodeAddresses { get; } = [];
    public List<VerifiableAddress> VerifiableAddresses { get; } = [];
    public List<(Guid Id, string Value, string Via)> RecoveryAddresses { get; } = [];

    /// <summary>The TOTP credential, set by enrolment in the settings flow.</summary>
    public TotpCredential? Totp { get; set; }

    /// <summary>The lookup_secret credential (backup codes), set by confirming regenerated codes.</summary>
    public LookupCredential? Lookup { get; set; }

    /// <summary>The webauthn credential (security keys), set by registration in the settings flow (factors spec §5.4).</summary>
    public WebAuthnCredential? WebAuthn { get; set; }

    /// <summary>The identity as the API shows it; <paramref name="declassify"/> lists credential types whose config is shown (admin include_credential).</summary>
    public JsonObject ToJson(bool includeCredentials, Uri publicBaseUrl, IReadOnlySet<string>? declassify = null)
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["schema_id"] = SchemaId,
            ["schema_url"] = new Uri(publicBaseUrl, "schemas/" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SchemaId)).TrimEnd('=')).ToString(),
            ["state"] = State,
            ["state_changed_at"] = Time.Node(CreatedAt),
            ["traits"] = Traits.DeepClone(),
            ["verifiable_addresses"] = new JsonArray(VerifiableAddresses.Select(a => (JsonNode)a.ToJson()).ToArray()),
            ["recovery_addresses"] = new JsonArray(RecoveryAddresses.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Id.ToString(), ["value"] = a.Value, ["via"] = a.Via,
                ["created_at"] = Time.Node(CreatedAt), ["updated_at"] = Time.Node(CreatedAt),
            }).ToArray()),
            ["metadata_public"] = MetadataPublic?.DeepClone(),
            ["created_at"] = Time.Node(CreatedAt),
            ["updated_at"] = Time.Node(UpdatedAt),
            ["organization_id"] = null,
        };
        if (includeCredentials)
        {
            json["credentials"] = CredentialsJson(declassify ?? new HashSet<string>());
            json["metadata_admin"] = MetadataAdmin?.DeepClone();
        }

        return json;
    }

    private JsonObject CredentialsJson(IReadOnlySet<string> declassify)
    {
        var creds = new JsonObject();
        // Stryker disable once all : out of scope, by kind: the admin API's identity credentials (docs/mutation-survivors.md)
        if (Password is not null)
        {
            creds["password"] = Credential("password", PasswordIdentifiers);
        }

        // Stryker disable once all : out of scope, by kind: the admin API's identity credentials (docs/mutation-survivors.md)
        if (CodeAddresses.Count > 0)
        {
            // identity/extension_credentials.go: one code credential, identifiers = the addresses.
            creds["code"] = Credential("code", CodeAddresses.Select(a => a.Address));
        }

        if (Totp is { } totp)
        {
            creds["totp"] = Credential("totp", [Id.ToString()], declassify.Contains("totp") ? totp.Config() : null, totp.CreatedAt, totp.UpdatedAt);
        }

        if (Lookup is { } lookup)
        {
            creds["lookup_secret"] = Credential("lookup_secret", [Id.ToString()], declassify.Contains("lookup_secret") ? lookup.Config() : null, lookup.CreatedAt, lookup.UpdatedAt);
        }

        if (WebAuthn is { } webAuthn)
        {
            creds["webauthn"] = Credential("webauthn", webAuthn.Identifiers, declassify.Contains("webauthn") ? webAuthn.Config() : null, webAuthn.CreatedAt, webAuthn.UpdatedAt);
        }

        return creds;
    }

    /// <summary>identity/credentials.go Credentials: config only when declassified (omitempty), then version and times.</summary>
    private JsonObject Credential(string type, IEnumerable<string> identifiers, JsonObject? config = null, DateTimeOffset? created = null, DateTimeOffset? updated = null)
    {
        var json = new JsonObject
        {
            ["type"] = type,
            ["identifiers"] = new JsonArray(identifiers.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()),
        };
        if (config is not null)
        {
            json["config"] = config;
        }

        json["version"] = type is "code" or "webauthn" ? 1 : 0;
        // Stryker disable once all : out of scope, by kind: the admin API's identity credentials (docs/mutation-survivors.md)
        json["created_at"] = Time.Node(created ?? CreatedAt);
        // Stryker disable once all : out of scope, by kind: the admin API's identity credentials (docs/mutation-survivors.md)
        json["updated_at"] = Time.Node(updated ?? UpdatedAt);
        return json;
    }
}
