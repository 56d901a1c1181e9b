using System.Text.Json.Nodes;

namespace Kratos.Double.Http;

/// <summary>
/// A herodot error (github.com/ory/herodot error_default.go): serialised as {"error":{id?,code,status,reason?,message,details?}}
/// plus, for EnhanceJSONError types, top-level fields such as redirect_browser_to or use_flow_id.
/// </summary>
internal sealed class KratosError : Exception
{
    public KratosError()
    {
    }

    public KratosError(string message)
        : base(message)
    {
    }

    public KratosError(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Code { get; init; }
    // Stryker disable once all : equivalent: every factory sets Status; this default is never serialised (docs/mutation-survivors.md)
    public string Status { get; init; } = string.Empty;
    public string? Id { get; init; }
    public string? Reason { get; init; }
    public JsonObject? Details { get; init; }
    public JsonObject? TopLevel { get; init; }

    public JsonObject ToJson()
    {
        var error = new JsonObject();
        if (Id is not null)
        {
            error["id"] = Id;
        }

        error["code"] = Code;
        error["status"] = Status;
        if (Reason is not null)
        {
            error["reason"] = Reason;
        }

        error["message"] = Message;
        if (Details is not null)
        {
            error["details"] = Details.DeepClone();
        }

        var body = new JsonObject { ["error"] = error };
        foreach (var (key, value) in TopLevel ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    public static KratosError BadRequest(string reason, string? id = null) =>
        new("The request was malformed or contained invalid parameters") { Code = 400, Status = "Bad Request", Reason = reason, Id = id };

    /// <summary>ory/x sqlcon's ErrNoRows, which Kratos's persisters return unchanged for an id they do not hold: message
    /// "Unable to locate the resource", no reason (oryx/sqlcon/error.go; docs/kratos-facts.md "Unknown flows").</summary>
    public static KratosError NoRows() =>
        new("Unable to locate the resource") { Code = 404, Status = "Not Found" };

    // Stryker disable once all : out of scope, by kind: an error factory only endpoints and configurations outside the scope use (docs/mutation-survivors.md)
    public static KratosError NotFound(string reason) =>
        new("The requested resource could not be found") { Code = 404, Status = "Not Found", Reason = reason };

    // Stryker disable once all : out of scope, by kind: an error factory only endpoints and configurations outside the scope use (docs/mutation-survivors.md)
    public static KratosError MethodNotAllowed() =>
        new("The requested method is not allowed") { Code = 405, Status = "Method Not Allowed", Reason = "This endpoint does not accept this HTTP method." };

    public static KratosError Unauthorized(string reason, string? id = null) =>
        new("The request could not be authorized") { Code = 401, Status = "Unauthorized", Reason = reason, Id = id };

    // Stryker disable once all : out of scope, by kind: an error factory only endpoints and configurations outside the scope use (docs/mutation-survivors.md)
    public static KratosError Forbidden(string reason, string? id = null) =>
        new("The requested action was forbidden") { Code = 403, Status = "Forbidden", Reason = reason, Id = id };

    // Stryker disable once all : out of scope, by kind: an error factory only endpoints and configurations outside the scope use (docs/mutation-survivors.md)
    public static KratosError Conflict(string reason) =>
        new("The resource could not be created due to a conflict") { Code = 409, Status = "Conflict", Reason = reason };

    /// <summary>selfservice/flow/login/error.go ErrSessionRequiredForHigherAAL.</summary>
    public static KratosError SessionAal1Required() =>
        new("aal2 and aal3 can only be requested if a session exists already") { Code = 401, Status = "Unauthorized", Id = "session_aal1_required", Reason = "You can not requested a higher AAL (AAL2/AAL3) without an active session." };

    /// <summary>selfservice/flow/login/error.go ErrAlreadyLoggedIn: herodot.ErrBadRequest with its own message (WithError).</summary>
    public static KratosError SessionAlreadyAvailable() =>
        new("you are already logged in") { Code = 400, Status = "Bad Request", Reason = Text.Messages.ValidSessionReason, Id = "session_already_available" };

    /// <summary>session/manager.go NewErrAALNotSatisfied.</summary>
    public static KratosError Aal2Required(string redirect) =>
        new("Session does not fulfill the requested Authenticator Assurance Level")
        {
            Code = 403, Status = "Forbidden", Id = "session_aal2_required",
            Reason = "An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
            Details = new JsonObject { ["redirect_browser_to"] = redirect },
            TopLevel = new JsonObject { ["redirect_browser_to"] = redirect },
        };

    /// <summary>selfservice/flow/error.go NewBrowserLocationChangeRequiredError.</summary>
    public static KratosError BrowserLocationChangeRequired(string redirect) =>
        new("browser location change required")
        {
            Code = 422, Status = "Unprocessable Entity", Id = "browser_location_change_required",
            Reason = "In order to complete this flow please redirect the browser to: " + redirect,
            TopLevel = new JsonObject { ["redirect_browser_to"] = redirect },
        };

    /// <summary>x/nosurfx/nosurf.go ErrInvalidCSRFToken with the fault's details (<see cref="CsrfRejection"/>).</summary>
    public static KratosError CsrfViolation(string hint, string? rejectReason)
    {
        var details = new JsonObject { ["docs"] = "https://www.ory.sh/kratos/docs/debug/csrf", ["hint"] = hint };
        if (rejectReason is not null)
        {
            details["reject_reason"] = rejectReason;
        }

        return new("the request was rejected to protect you from Cross-Site-Request-Forgery")
        {
            Code = 403, Status = "Forbidden", Id = "security_csrf_violation",
            Reason = "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.",
            Details = details,
        };
    }
}
