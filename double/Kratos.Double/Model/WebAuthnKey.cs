using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// One security key of a webauthn credential (identity/credentials_webauthn.go CredentialWebAuthn, factors spec §5.6):
/// byte fields as Go's []byte JSON (standard base64), authenticator/flags/attestation as stored at registration.
/// </summary>
internal sealed record WebAuthnKey
{
    public required byte[] Id { get; init; }
    public required byte[] PublicKey { get; init; }
    public string AttestationType { get; init; } = "none";
    public required byte[] Aaguid { get; init; }
    public uint SignCount { get; set; }
    public bool CloneWarning { get; set; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
    public bool IsPasswordless { get; init; }
    public bool UserPresent { get; init; }
    public bool UserVerified { get; init; }
    public bool BackupEligible { get; init; }
    public bool BackupState { get; init; }
    public required byte[] ClientDataJson { get; init; }
    public required byte[] AuthenticatorData { get; init; }
    public long PublicKeyAlgorithm { get; init; } = -7;
    public required byte[] AttestationObject { get; init; }

    /// <summary>The value of the key's webauthn_remove button: fmt.Sprintf("%x", id), lowercase hex.</summary>
    public string Hex => Convert.ToHexStringLower(Id);

    public JsonObject ToJson() => new()
    {
        ["id"] = Convert.ToBase64String(Id),
        ["public_key"] = Convert.ToBase64String(PublicKey),
        ["attestation_type"] = AttestationType,
        ["authenticator"] = new JsonObject { ["aaguid"] = Convert.ToBase64String(Aaguid), ["sign_count"] = SignCount, ["clone_warning"] = CloneWarning },
        ["display_name"] = DisplayName,
        ["added_at"] = Time.Node(AddedAt),
        ["is_passwordless"] = IsPasswordless,
        ["flags"] = new JsonObject { ["user_present"] = UserPresent, ["user_verified"] = UserVerified, ["backup_eligible"] = BackupEligible, ["backup_state"] = BackupState },
        ["attestation"] = new JsonObject
        {
            ["client_dataJSON"] = Convert.ToBase64String(ClientDataJson),
            ["client_data_hash"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(ClientDataJson)),
            ["authenticator_data"] = Convert.ToBase64String(AuthenticatorData),
            ["public_key_algorithm"] = PublicKeyAlgorithm,
            ["object"] = Convert.ToBase64String(AttestationObject),
        },
    };

    public static WebAuthnKey FromJson(JsonNode json)
    {
        byte[] Bytes(JsonNode? n) => n is null ? [] : Convert.FromBase64String(n.GetValue<string>());
        var flags = json["flags"];
        var attestation = json["attestation"];
        return new WebAuthnKey
        {
            Id = Bytes(json["id"]),
            PublicKey = Bytes(json["public_key"]),
            AttestationType = json["attestation_type"]?.GetValue<string>() ?? "none",
            Aaguid = Bytes(json["authenticator"]?["aaguid"]),
            SignCount = json["authenticator"]?["sign_count"]?.GetValue<uint>() ?? 0,
            CloneWarning = json["authenticator"]?["clone_warning"]?.GetValue<bool>() ?? false,
            DisplayName = json["display_name"]?.GetValue<string>() ?? string.Empty,
            AddedAt = DateTimeOffset.Parse(json["added_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            IsPasswordless = json["is_passwordless"]?.GetValue<bool>() ?? false,
            UserPresent = flags?["user_present"]?.GetValue<bool>() ?? false,
            UserVerified = flags?["user_verified"]?.GetValue<bool>() ?? false,
            BackupEligible = flags?["backup_eligible"]?.GetValue<bool>() ?? false,
            BackupState = flags?["backup_state"]?.GetValue<bool>() ?? false,
            ClientDataJson = Bytes(attestation?["client_dataJSON"]),
            AuthenticatorData = Bytes(attestation?["authenticator_data"]),
            PublicKeyAlgorithm = attestation?["public_key_algorithm"]?.GetValue<long>() ?? -7,
            AttestationObject = Bytes(attestation?["object"]),
        };
    }
}
