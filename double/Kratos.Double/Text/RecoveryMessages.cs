using System.Globalization;
using System.Text.Json.Nodes;
using static Kratos.Double.Text.Messages;

namespace Kratos.Double.Text;

/// <summary>The recovery messages and labels (text/message_recovery.go, text/message_node.go; the same at the three tags).</summary>
internal static class RecoveryMessages
{
    public static JsonObject Successful(DateTimeOffset privilegedUntil)
    {
        var minutes = (privilegedUntil - DateTimeOffset.UtcNow).TotalMinutes;
        return Make(1060001, string.Create(CultureInfo.InvariantCulture, $"You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next {minutes:F2} minutes."), "success", new JsonObject
        {
            ["privilegedSessionExpiresAt"] = Model.Time.Format(privilegedUntil),
            ["privileged_session_expires_at"] = Model.Time.Format(privilegedUntil),
            ["privileged_session_expires_at_unix"] = privilegedUntil.ToUnixTimeSeconds(),
        });
    }

    public static JsonObject CodeSent() =>
        Make(1060003, "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.", "info");

    public static JsonObject CodeInvalid() => Make(4060006, "The recovery code is invalid or has already been used. Please try again.", "error");

    public static JsonObject LabelEmail() => Make(1070007, "Email", "info");

    public static JsonObject LabelRecoveryCode() => Make(1070010, "Recovery code", "info");
}
