using System.Globalization;
using System.Text.Json.Nodes;
using KratosConformance.Client.Versions;

namespace KratosConformance.Suites.Expectations;

/// <summary>
/// The English text and type of every message and node label the suites name, per version (spec §1.1–§1.4, §7;
/// the other factors' from factors spec §1, identical at the three versions): the
/// text is what a UI without its own translations shows, so a changed text is a visible regression even when the id
/// is right. Texts with a placeholder are built from the message's own context (1010023 from <c>address</c>, 4000002
/// from <c>property</c>, 4000001 is its <c>reason</c>); 4010001 carries the minutes since expiry and is matched by
/// shape. Ids this catalogue does not know are not text-checked.
/// </summary>
public static class MessageTexts
{
    private static readonly Dictionary<long, string> Fixed = new()
    {
        [1010001] = "Sign in",
        [1010003] = "Please confirm this action by verifying that it is you.",
        [1010004] = "Please complete the second authentication challenge.",
        [1010006] = "Authentication code",
        [1010007] = "Backup recovery code",
        [1010009] = "Use Authenticator",
        [1010010] = "Use backup recovery code",
        [1010022] = "Sign in with password",
        [1050001] = "Your changes have been saved!",
        [1050004] = "Unlink TOTP Authenticator App",
        [1050005] = "Authenticator app QR code",
        [1050007] = "Reveal backup recovery codes",
        [1050008] = "Generate new backup recovery codes",
        [1050010] = "These are your back up recovery codes. Please keep them in a safe place!",
        [1050011] = "Confirm backup recovery codes",
        [1050016] = "Disable this method",
        [1050017] = "This is your authenticator app secret. Use it if you can not scan the QR code.",
        [1060003] = "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.",
        [1070003] = "Save",
        [1070006] = "Verify code",
        [1010025] = VersionExpectations.AuthenticatedCodeSentText,
        [1070001] = "Password",
        [1070004] = "ID",
        [1070008] = "Resend code",
        [1070009] = "Continue",
        [1070013] = "Login code",
        [4000006] = "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
        [4000008] = "The provided authentication code is invalid, please try again.",
        [4000011] = "You have no TOTP device set up.",
        [4000012] = "This backup recovery code has already been used.",
        [4000014] = "You have no backup recovery codes set up.",
        [4000016] = "The backup recovery code is not valid.",
        [4000035] = "This account does not exist or has not setup sign in with code.",
        [4010002] = "Could not find a strategy to log you in with. Did you fill out the form correctly?",
        [4010008] = "The login code is invalid or has already been used. Please try again.",
    };

    /// <summary>
    /// The text <paramref name="id"/> must read in <paramref name="version"/>, given the message's
    /// <paramref name="context"/>; null when the catalogue has no text for it (or it is matched by <see cref="Matches"/>).
    /// </summary>
    public static string? For(long id, KratosVersion version, JsonObject? context) => id switch
    {
        1010014 => version >= KratosVersion.V25_4_0 ? VersionExpectations.CodeSentText : VersionExpectations.LegacyCodeSentText,
        1010023 => "Send code to " + Context(context, "address"),
        1070002 => Context(context, "title"),
        4000001 => Context(context, "reason"),
        4000002 => "Property " + Context(context, "property") + " is missing.",
        _ => Fixed.GetValueOrDefault(id),
    };

    /// <summary>True when <paramref name="text"/> is what <paramref name="id"/> reads in <paramref name="version"/>.</summary>
    public static bool Matches(long id, KratosVersion version, JsonObject? context, string text) =>
        id == 4010001
            ? text.StartsWith("The login flow expired ", StringComparison.Ordinal) && text.EndsWith(" minutes ago, please try again.", StringComparison.Ordinal)
            : For(id, version, context) is not { } expected || string.Equals(expected, text, StringComparison.Ordinal);

    /// <summary>What <see cref="Matches"/> compares with, for messages: the text or the shape.</summary>
    public static string Describe(long id, KratosVersion version, JsonObject? context) =>
        id == 4010001 ? "\"The login flow expired <minutes> minutes ago, please try again.\"" : For(id, version, context) is { } text ? "\"" + text + "\"" : "(any text)";

    /// <summary>The message type a UI styles by: 1xxxxxx are info, 4xxxxxx errors (spec §1, text/id.go); a settings
    /// success (1050001) and a completed recovery (1060001) are success (factors spec §1.2, §1.4).</summary>
    public static string TypeOf(long id) => id >= 4000000 ? "error" : id is 1050001 or 1060001 ? "success" : "info";

    /// <summary>True when the catalogue can say anything about the text of <paramref name="id"/>.</summary>
    public static bool Knows(long id) => id is 1010014 or 1010023 or 1070002 or 4000001 or 4000002 or 4010001 || Fixed.ContainsKey(id);

    private static string Context(JsonObject? context, string key) =>
        context?[key] is JsonValue value ? value.ToString() : string.Create(CultureInfo.InvariantCulture, $"<context.{key} missing>");
}
