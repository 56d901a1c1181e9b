using System.Net;

namespace KratosConformance.Suites.Expectations;

/// <summary>
/// The herodot envelope of the errors the suites meet (spec §1.6, §3, §4.1; source files in docs/kratos-facts.md):
/// <c>status</c> is the HTTP reason phrase of <c>code</c>, <c>message</c> the error's own (WithError) or herodot's
/// default for the code, <c>reason</c> the text the spec or Kratos's source gives. Clients show message and reason to
/// users and operators grep logs for them, so a changed one is a regression of the error contract.
/// </summary>
public static class ErrorTexts
{
    private static readonly Dictionary<string, (string Message, Func<string?, string?> Reason)> ById = new(StringComparer.Ordinal)
    {
        ["session_aal2_required"] = ("Session does not fulfill the requested Authenticator Assurance Level",
            _ => "An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue."),
        // Factors spec §1.5: herodot's ErrForbidden message, the reason of settings.NewFlowNeedsReAuth.
        ["session_refresh_required"] = (Default(403)!, _ => "The login session is too old and thus not allowed to update these fields. Please re-authenticate."),
        ["session_aal1_required"] = ("aal2 and aal3 can only be requested if a session exists already",
            _ => "You can not requested a higher AAL (AAL2/AAL3) without an active session."),
        ["session_already_available"] = ("you are already logged in", _ => VersionExpectations.ValidSessionText),
        ["security_csrf_violation"] = ("the request was rejected to protect you from Cross-Site-Request-Forgery",
            _ => "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues."),
        ["browser_location_change_required"] = ("browser location change required", redirect => "In order to complete this flow please redirect the browser to: " + redirect),
        ["self_service_flow_return_to_forbidden"] = (Default(400)!, _ => null),
    };

    /// <summary>The message error <paramref name="id"/> (or, without an id, an error with <paramref name="code"/>) carries.</summary>
    public static string? Message(string? id, int code) => id is not null && ById.TryGetValue(id, out var e) ? e.Message : id is null ? Default(code) : null;

    /// <summary>Its reason, where the spec or source fixes it; <paramref name="redirect"/> is the error's redirect_browser_to.</summary>
    public static string? Reason(string? id, string? redirect) => id is not null && ById.TryGetValue(id, out var e) ? e.Reason(redirect) : null;

    /// <summary>herodot sets status to Go's http.StatusText(code), the standard reason phrase.</summary>
    public static string Status(int code) => code switch
    {
        422 => "Unprocessable Entity",
        _ => ReasonPhrase(code),
    };

    // herodot v0.10.8 error_defaults.go: the message of an error that does not set its own.
    private static string? Default(int code) => code switch
    {
        400 => "The request was malformed or contained invalid parameters",
        401 => "The request could not be authorized",
        403 => "The requested action was forbidden",
        404 => "The requested resource could not be found",
        _ => null,
    };

    private static string ReasonPhrase(int code) =>
        Enum.IsDefined(typeof(HttpStatusCode), code)
            ? System.Text.RegularExpressions.Regex.Replace(((HttpStatusCode)code).ToString(), "(?<=[a-z])(?=[A-Z])", " ")
            : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
