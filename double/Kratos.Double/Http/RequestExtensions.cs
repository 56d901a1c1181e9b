using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Kratos.Double.Http;

/// <summary>Request classification as Kratos does it (x/isjsonrequest.go, session/manager_http.go FetchFromRequest).</summary>
internal static class RequestExtensions
{
    /// <summary>
    /// x/isjsonrequest.go IsJSONRequest: golang/gddo httputil.NegotiateContentType over
    /// [text/html, text/*, */*, application/json] with default text/html picks application/json, or the Content-Type is
    /// application/json.
    /// </summary>
    public static bool IsJson(this HttpRequest request) =>
        request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
        || Negotiate(request.Headers.Accept) == "application/json";

    private static readonly string[] Offers = ["text/html", "text/*", "*/*", "application/json"];

    /// <summary>
    /// gddo NegotiateContentType: the offer whose best-matching Accept range has the highest q; on equal q the more
    /// specific range wins (exact over type/* over */*), then the earlier offer. A q of 0 never matches.
    /// </summary>
    private static string Negotiate(StringValues accept)
    {
        var specs = ParseAccept(accept);
        var best = Offers[0];
        var bestQ = -1.0;
        var bestWild = 3;
        foreach (var offer in Offers)
        {
            foreach (var (range, q) in specs)
            {
                if (q == 0 || q < bestQ)
                {
                    continue;
                }

                var wild = range == "*/*" ? 2
                    : range.EndsWith("/*", StringComparison.Ordinal) ? (offer.StartsWith(range[..^1], StringComparison.Ordinal) ? 1 : -1)
                    : range == offer ? 0 : -1;
                if (wild >= 0 && (q > bestQ || bestWild > wild))
                {
                    (best, bestQ, bestWild) = (offer, q, wild);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// gddo header.ParseAccept: comma-separated ranges with an optional <c>;q=</c>; a header value stops at the first
    /// range whose parameter is not q or whose q is not a number (the ranges before it count). Simplified: an empty
    /// range is kept (it matches no offer) where gddo stops reading the value.
    /// </summary>
    private static List<(string Range, double Q)> ParseAccept(StringValues accept)
    {
        var specs = new List<(string, double)>();
        foreach (var value in accept)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var pieces = part.Split(';', 2);
                var range = pieces[0].Trim();
                var q = 1.0;
                if (pieces.Length == 2)
                {
                    var parameter = pieces[1].Trim();
                    if (!parameter.StartsWith("q=", StringComparison.Ordinal)
                        || !double.TryParse(parameter[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out q))
                    {
                        break;
                    }
                }

                specs.Add((range, q));
            }
        }

        return specs;
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
