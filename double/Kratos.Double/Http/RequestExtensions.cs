using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>Request classification as Kratos does it (x/isjsonrequest.go, session/manager_http.go FetchFromRequest).</summary>
internal static class RequestExtensions
{
    /// <summary>JSON when Content-Type is application/json or content negotiation prefers application/json.</summary>
    public static bool IsJson(this HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var accept = request.Headers.Accept.ToString();
        if (!accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var json = accept.IndexOf("application/json", StringComparison.OrdinalIgnoreCase);
        var html = accept.IndexOf("text/html", StringComparison.OrdinalIgnoreCase);
        return html < 0 || json < html;
    }

    /// <summary>
    /// session/manager_http.go extractToken: X-Session-Token, else the session cookie, and Authorization: Bearer only
    /// when the request has neither (a gateway's own Authorization header beside a cookie is not read).
    /// </summary>
    public static Session? FindSession(this HttpContext context, Runtime rt)
    {
        var request = context.Request;
        var token = request.Headers["X-Session-Token"].ToString();
        lock (rt.Store.Gate)
        {
            if (token.Length > 0)
            {
                return rt.Store.FindSessionByToken(token);
            }

            if (request.Cookies.TryGetValue(rt.Config.SessionCookieName, out var cookie))
            {
                return rt.Store.FindSessionByCookie(cookie);
            }

            var auth = request.Headers.Authorization.ToString();
            return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? rt.Store.FindSessionByToken(auth["Bearer ".Length..].Trim()) : null;
        }
    }

    public static string FullUrl(this HttpRequest request, Runtime rt) =>
        new Uri(rt.Config.PublicBaseUrl, request.Path.Value!.TrimStart('/') + request.QueryString.Value).ToString();

    /// <summary>session/manager_http.go IssueCookie: a persistent cookie's Max-Age is the time until the session expires.</summary>
    public static void SetSessionCookie(this HttpContext context, Runtime rt, Session session)
    {
        var options = CookieOptions(rt, session.ExpiresAt);
        options.MaxAge = session.ExpiresAt - DateTimeOffset.UtcNow;
        context.Response.Cookies.Append(rt.Config.SessionCookieName, session.CookieValue, options);
    }

    /// <summary>x/nosurfx NosurfBaseCookieHandler: the CSRF cookie carries nosurf.MaxAge, a year.</summary>
    public static void SetCsrfCookie(this HttpContext context, Runtime rt, string token)
    {
        var options = CookieOptions(rt, null);
        options.MaxAge = TimeSpan.FromDays(365);
        context.Response.Cookies.Append(rt.CsrfCookieName, token, options);
        context.Items[CsrfTokenItem] = token;
    }

    /// <summary>
    /// nosurf <c>Token(r)</c>: the anti-CSRF token of this request, the one set earlier in it (a flow created, the
    /// token regenerated) or else the CSRF cookie's; null when there is neither.
    /// </summary>
    public static string? CsrfToken(this HttpContext context, Runtime rt) =>
        context.Items.TryGetValue(CsrfTokenItem, out var set) && set is string token ? token
        : context.Request.Cookies.TryGetValue(rt.CsrfCookieName, out var cookie) && cookie.Length > 0 ? cookie : null;

    /// <summary>
    /// ory/nosurf <c>RegenerateToken</c>: a new token in a new CSRF cookie, at most once per request (<c>ctxWasSent</c>).
    /// Kratos calls it when a session for a new principal is issued (session/manager_http.go <c>IssueCookie</c>), on
    /// logout (logout/handler.go <c>completeLogout</c>) and when a browser recovery issues its session
    /// (code/strategy_recovery.go <c>recoveryIssueSession</c>).
    /// </summary>
    public static string RegenerateCsrfToken(this HttpContext context, Runtime rt)
    {
        if (context.Items.TryGetValue(CsrfRegeneratedItem, out var done) && done is string token)
        {
            return token;
        }

        var fresh = Endpoints.Secrets.Opaque();
        context.SetCsrfCookie(rt, fresh);
        context.Items[CsrfRegeneratedItem] = fresh;
        return fresh;
    }

    private const string CsrfTokenItem = "kratos.csrf_token";
    private const string CsrfRegeneratedItem = "kratos.csrf_token.regenerated";

    public static CookieOptions CookieOptions(Runtime rt, DateTimeOffset? expires)
    {
        // Stryker disable once all : out of scope, by kind: cookie Secure/SameSite for an https public URL outside dev mode (docs/mutation-survivors.md)
        var secure = !rt.Config.Dev && rt.Config.PublicBaseUrl.Scheme == "https";
        return new CookieOptions
        {
            HttpOnly = true,
            Path = rt.Config.CookiePath,
            Domain = rt.Config.CookieDomain,
            Secure = secure,
            // Stryker disable once all : out of scope, by kind: cookie Secure/SameSite for an https public URL outside dev mode (docs/mutation-survivors.md)
            SameSite = !secure ? SameSiteMode.Lax : rt.Config.CookieSameSite.ToUpperInvariant() switch
            {
                "STRICT" => SameSiteMode.Strict,
                "NONE" => SameSiteMode.None,
                _ => SameSiteMode.Lax,
            },
            Expires = expires,
        };
    }
}
