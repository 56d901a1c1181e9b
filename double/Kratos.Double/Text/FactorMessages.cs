using System.Globalization;
using System.Text.Json.Nodes;
using static Kratos.Double.Text.Messages;

namespace Kratos.Double.Text;

/// <summary>
/// The messages of TOTP, lookup secrets and the settings flow (text/message_login.go, text/message_settings.go,
/// text/message_node.go, text/message_validation.go); ids and texts are the same at v1.3.1, v25.4.0 and v26.2.0.
/// </summary>
internal static class FactorMessages
{
    public static JsonObject TotpLabel() => Make(1010006, "Authentication code", "info");

    public static JsonObject LookupLabel() => Make(1010007, "Backup recovery code", "info");

    public static JsonObject UseAuthenticator() => Make(1010009, "Use Authenticator", "info");

    public static JsonObject UseLookup() => Make(1010010, "Use backup recovery code", "info");

    public static JsonObject SettingsSaved() => Make(1050001, "Your changes have been saved!", "success");

    public static JsonObject UnlinkTotp() => Make(1050004, "Unlink TOTP Authenticator App", "info");

    public static JsonObject TotpQr() => Make(1050005, "Authenticator app QR code", "info");

    public static JsonObject TotpSecret(string secret) => Make(1050006, secret, "info", new JsonObject { ["secret"] = secret });

    public static JsonObject RevealLookup() => Make(1050007, "Reveal backup recovery codes", "info");

    public static JsonObject RegenerateLookup() => Make(1050008, "Generate new backup recovery codes", "info");

    public static JsonObject LookupSecret(string code) => Make(1050009, code, "info", new JsonObject { ["secret"] = code });

    public static JsonObject LookupCodesLabel() => Make(1050010, "These are your back up recovery codes. Please keep them in a safe place!", "info");

    public static JsonObject ConfirmLookup() => Make(1050011, "Confirm backup recovery codes", "info");

    /// <summary>1050014: "Secret was used at" + Go's time.String() of used_at in UTC.</summary>
    public static JsonObject LookupSecretUsed(DateTimeOffset usedAt)
    {
        var utc = usedAt.ToUniversalTime();
        return Make(1050014, "Secret was used at " + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000 UTC", "info", new JsonObject
        {
            ["used_at"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["used_at_unix"] = utc.ToUnixTimeSeconds(),
        });
    }

    /// <summary>1050015: every code (used ones as the word "used") joined by ", "; context secrets = the per-code messages.</summary>
    public static JsonObject LookupSecretList(IReadOnlyList<string> formatted, IReadOnlyList<JsonObject> secrets) =>
        Make(1050015, string.Join(", ", formatted), "info", new JsonObject { ["secrets"] = new JsonArray([.. secrets]) });

    public static JsonObject DisableLookup() => Make(1050016, "Disable this method", "info");

    public static JsonObject TotpSecretLabel() => Make(1050017, "This is your authenticator app secret. Use it if you can not scan the QR code.", "info");

    public static JsonObject Save() => Make(1070003, "Save", "info");

    public static JsonObject VerifyCode() => Make(1070006, "Verify code", "info");

    public static JsonObject MinLength(int min, int actual) =>
        Make(4000003, $"length must be >= {min}, but got {actual}", "error", new JsonObject { ["min_length"] = min, ["actual_length"] = actual });

    public static JsonObject TotpWrong() => Make(4000008, "The provided authentication code is invalid, please try again.", "error");

    public static JsonObject NoTotpDevice() => Make(4000011, "You have no TOTP device set up.", "error");

    public static JsonObject LookupAlreadyUsed() => Make(4000012, "This backup recovery code has already been used.", "error");

    public static JsonObject NoLookup() => Make(4000014, "You have no backup recovery codes set up.", "error");

    public static JsonObject LookupInvalid() => Make(4000016, "The backup recovery code is not valid.", "error");

    public static JsonObject NoSettingsStrategy() => Make(4010004, "Could not find a strategy to update your settings. Did you fill out the form correctly?", "error");
}
