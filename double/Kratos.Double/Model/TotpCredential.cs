using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// identity/credentials_totp.go CredentialsTOTPConfig, stored as Kratos stores it: config {"totp_url": "otpauth://…"},
/// version 0, identifiers [identity id] (selfservice/strategy/totp/settings.go continueSettingsFlowAddTOTP).
/// </summary>
internal sealed record TotpCredential(string Url, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>CountActiveMultiFactorCredentials: the URL is non-empty and parses as an otpauth:// key.</summary>
    public bool IsActive => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme == "otpauth";

    public JsonObject Config() => new() { ["totp_url"] = Url };

    public static TotpCredential FromConfig(JsonObject config, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(config["totp_url"]?.GetValue<string>() ?? string.Empty, createdAt, updatedAt);
}
