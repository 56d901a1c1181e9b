using System.Globalization;
using System.Text.Json.Nodes;
using static Kratos.Double.Text.Messages;

namespace Kratos.Double.Text;

/// <summary>
/// The messages of WebAuthn as a second factor (text/message_login.go, text/message_settings.go,
/// text/message_validation.go; factors spec §1): ids and texts are the same at v1.3.1, v25.4.0 and v26.2.0. A failed
/// assertion reuses the TOTP text 4000008 (schema/errors.go NewWebAuthnVerifierWrongError).
/// </summary>
internal static class WebAuthnMessages
{
    public static JsonObject SignInWithKey() => Make(1010008, "Sign in with hardware key", "info");

    public static JsonObject AddKey() => Make(1050012, "Add security key", "info");

    public static JsonObject KeyName() => Make(1050013, "Name of the security key", "info");

    /// <summary>1050018: the key's name ("unnamed" when empty, cmp.Or) with added_at as RFC 3339 and Unix seconds.</summary>
    public static JsonObject RemoveKey(string displayName, DateTimeOffset addedAt)
    {
        var name = displayName.Length == 0 ? "unnamed" : displayName;
        var utc = addedAt.ToUniversalTime();
        return Make(1050018, $"Remove security key \"{name}\"", "info", new JsonObject
        {
            ["added_at"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["added_at_unix"] = utc.ToUnixTimeSeconds(),
            ["display_name"] = name,
        });
    }

    public static JsonObject VerifierWrong() => Make(4000008, "The provided authentication code is invalid, please try again.", "error");

    public static JsonObject NoIdentifier() =>
        Make(4000009, "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.", "error");

    public static JsonObject NoDevice() => Make(4000013, "You have no WebAuthn device set up.", "error");
}
