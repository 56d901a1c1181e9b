using KratosConformance.Client.Versions;

namespace KratosConformance.Suites.Expectations;

/// <summary>
/// details.hint and details.reject_reason of security_csrf_violation (spec §3 "CSRF sub-cases"; texts from
/// x/nosurfx/nosurf.go, x/nosurf.go at v1.3.1; docs/kratos-facts.md). They tell an operator whether the browser lost
/// the cookie or sent a stale token. Before v26.2.0 herodot's WithDetail wrote into the map it was called on
/// (herodot ≤ v0.10.7; v0.10.8 clones it), so every CSRF error carried the details the last package initialiser left:
/// the token-not-sent hint and the token-mismatch reject_reason, whatever the fault.
/// </summary>
public static class CsrfRejectionTexts
{
    /// <summary>
    /// details.docs of every security_csrf_violation at v1.3.1–v26.2.0 (ErrInvalidCSRFToken's WithDetail in
    /// x/nosurfx/nosurf.go, x/nosurf.go at v1.3.1). The spec (§3) quotes https://www.ory.com/docs/troubleshooting/csrf;
    /// the source of all three versions has this one (docs/kratos-facts.md "CSRF refusals").
    /// </summary>
    public const string Docs = "https://www.ory.sh/kratos/docs/debug/csrf";

    public const string NoCookie = "The HTTP Cookie Header is empty or not set.";
    public const string CookieMissing = "The HTTP Cookie Header was set but did not include the anti-CSRF cookie.";
    public const string TokenNotSent = "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).";
    public const string TokenMismatch = "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.";
    public const string AjaxHint = "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";
    public const string ServerHint = "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";

    /// <summary>
    /// The hint and reject_reason (null: absent) of <paramref name="fault"/> in <paramref name="version"/>;
    /// <paramref name="ajax"/> when the request sent <c>Sec-Fetch-Mode: cors</c> or <c>same-origin</c>.
    /// </summary>
    public static (string Hint, string? RejectReason) For(KratosVersion version, CsrfFault fault, bool ajax)
    {
        if (version < KratosVersion.V26_2_0)
        {
            return (TokenNotSent, TokenMismatch);
        }

        var hint = ajax ? AjaxHint : ServerHint;
        return fault switch
        {
            CsrfFault.NoCookieHeader => (hint, NoCookie),
            CsrfFault.CookieMissing => (hint, CookieMissing),
            CsrfFault.TokenNotSent => (TokenNotSent, null),
            _ => (hint, TokenMismatch),
        };
    }
}
