using Kratos.Double.Config;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// x/nosurfx/nosurf.go CSRFErrorReason (x/nosurf.go at v1.3.1): which of the four CSRF faults a refused browser
/// request has, in details.hint and details.reject_reason, so an operator can tell a lost cookie from a stale token.
/// Before v26.2.0 herodot's WithDetail wrote into the map it was called on (herodot ≤ v0.10.7; v0.10.8 clones it), so
/// every package-level CSRF error shared ErrInvalidCSRFToken's details, left by the last initialiser: the
/// token-not-sent hint and the token-mismatch reject_reason, whatever the fault (docs/kratos-facts.md).
/// </summary>
internal static class CsrfRejection
{
    public const string NoCookie = "The HTTP Cookie Header is empty or not set.";
    public const string CookieMissing = "The HTTP Cookie Header was set but did not include the anti-CSRF cookie.";
    public const string TokenNotSent = "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).";
    public const string TokenMismatch = "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.";
    public const string AjaxHint = "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";
    public const string ServerHint = "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";

    /// <summary>
    /// The security_csrf_violation for <paramref name="request"/>; <paramref name="formToken"/> is the csrf_token the
    /// request's form carried (null for none; a JSON body is never asked, as Kratos can not parse it there).
    /// </summary>
    public static KratosError Create(HttpRequest request, Runtime rt, string? formToken)
    {
        if (!rt.Config.IsAtLeast(EmulatedVersion.V26_2_0))
        // Stryker disable once all : out of scope, by kind: code for versions before v26.2.0 (the mutation run emulates v26.2.0; the version matrix runs it unmutated; docs/mutation-survivors.md)
        {
            return KratosError.CsrfViolation(TokenNotSent, TokenMismatch);
        }

        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        var hint = mode is "cors" or "same-origin" ? AjaxHint : ServerHint;
        if (request.Headers.Cookie.ToString().Length == 0)
        {
            return KratosError.CsrfViolation(hint, NoCookie);
        }

        if (!request.Cookies.ContainsKey(rt.CsrfCookieName))
        {
            return KratosError.CsrfViolation(hint, CookieMissing);
        }

        var json = request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
        var sent = (formToken ?? request.Query["csrf_token"].ToString()) + request.Headers["X-CSRF-Token"].ToString();
        return !json && sent.Length == 0
            ? KratosError.CsrfViolation(TokenNotSent, null)
            : KratosError.CsrfViolation(hint, TokenMismatch);
    }
}
