using System.Globalization;
using System.Text.Json.Nodes;
using Kratos.Double.Config;

namespace Kratos.Double.Text;

/// <summary>The message catalogue (text/id.go, text/message_login.go, text/message_node.go, text/message_validation.go).</summary>
internal static class Messages
{
    public const string ValidSessionReason = "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?";
    public const string TooManySubmissionsReason = "The request was submitted too often. Please request another code.";

    public static JsonObject Make(long id, string text, string type, JsonObject? context = null)
    {
        var m = new JsonObject { ["id"] = id, ["text"] = text, ["type"] = type };
        if (context is { Count: > 0 })
        {
            m["context"] = context;
        }

        return m;
    }

    public static JsonObject ReAuth() => Make(1010003, "Please confirm this action by verifying that it is you.", "info");

    public static JsonObject Mfa() => Make(1010004, "Please complete the second authentication challenge.", "info");

    /// <summary>1010014: text changed in v25.4.0 (constant renamed InfoSelfServiceLoginCodeSent).</summary>
    public static JsonObject CodeSent(DoubleConfig c) => c.IsAtLeast(EmulatedVersion.V25_4_0)
        ? Make(1010014, "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.", "info")
        : CodeSentBefore25();

    // Stryker disable once all : out of scope, by kind: code for versions before v25.4.0 (the mutation run emulates v26.2.0; the version matrix runs it unmutated; docs/mutation-survivors.md)
    private static JsonObject CodeSentBefore25() =>
        Make(1010014, "An email containing a code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and retry the login.", "info");

    public static JsonObject SendCodeTo(string address, string channel) =>
        Make(1010023, $"Send code to {address}", "info", new JsonObject { ["address"] = address, ["channel"] = channel });

    /// <summary>text.NewInfoLogin: the password submit button of a refresh flow.</summary>
    public static JsonObject SignIn() => Make(1010001, "Sign in", "info");

    public static JsonObject SignInWithPassword() => Make(1010022, "Sign in with password", "info");

    public static JsonObject LabelPassword() => Make(1070001, "Password", "info");

    public static JsonObject LabelId() => Make(1070004, "ID", "info");

    /// <summary>1070002 carries the schema title; the <c>name</c> context key exists since v25.4.</summary>
    public static JsonObject LabelGenerated(string title, string name, DoubleConfig c)
    {
        var ctx = new JsonObject { ["title"] = title };
        if (c.IsAtLeast(EmulatedVersion.V25_4_0))
        {
            ctx["name"] = name;
        }

        return Make(1070002, title, "info", ctx);
    }

    public static JsonObject LabelResend() => Make(1070008, "Resend code", "info");

    public static JsonObject LabelContinue() => Make(1070009, "Continue", "info");

    public static JsonObject LabelLoginCode() => Make(1070013, "Login code", "info");

    public static JsonObject Generic(string reason) =>
        Make(4000001, reason, "error", new JsonObject { ["reason"] = reason });

    public static JsonObject Required(string property) =>
        Make(4000002, $"Property {property} is missing.", "error", new JsonObject { ["property"] = property });

    public static JsonObject InvalidCredentials() =>
        Make(4000006, "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.", "error");

    public static JsonObject NoCodeUser() => Make(4000035, "This account does not exist or has not setup sign in with code.", "error");

    public static JsonObject FlowExpired(DateTimeOffset expiredAt)
    {
        var minutes = (DateTimeOffset.UtcNow - expiredAt).TotalMinutes;
        return Make(4010001, string.Create(CultureInfo.InvariantCulture, $"The login flow expired {minutes:F2} minutes ago, please try again."), "error", new JsonObject
        {
            ["expired_at"] = Model.Time.Format(expiredAt),
            ["expired_at_unix"] = expiredAt.ToUnixTimeSeconds(),
        });
    }

    public static JsonObject NoStrategy() => Make(4010002, "Could not find a strategy to log you in with. Did you fill out the form correctly?", "error");

    public static JsonObject CodeInvalid() => Make(4010008, "The login code is invalid or has already been used. Please try again.", "error");
}
