using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The attributes of Kratos's two browser cookies (spec §3; the facts with their source files in docs/kratos-facts.md).
/// The session cookie ory_kratos_session is the browser's credential: HttpOnly keeps it from scripts, SameSite and
/// Secure from other sites and plain HTTP, Path and Max-Age decide where and how long it is sent
/// (driver/registry_default.go CookieManager, session/manager_http.go IssueCookie). The CSRF cookie
/// csrf_token_&lt;sha256(public base URL)&gt; pairs with the csrf_token node (x/nosurfx/nosurf.go). A wrong attribute is
/// invisible to a login that works, and is exactly what a security review asks about.
/// </summary>
public static class CookieChecks
{
    public static readonly CheckDefinition SessionSet = new("cookie.session.set", "a browser or SPA login sets the session cookie named session.cookie.name", "http.Set-Cookie", "cookie.session.name");
    public static readonly CheckDefinition SessionHttpOnly = new("cookie.session.httponly", "the session cookie is HttpOnly", "cookie.session.httponly");
    public static readonly CheckDefinition SessionSameSite = new("cookie.session.samesite", "the session cookie's SameSite is session.cookie.same_site, else cookies.same_site (Lax)", "cookie.session.samesite");
    public static readonly CheckDefinition SessionPath = new("cookie.session.path", "the session cookie's Path is session.cookie.path, else cookies.path (/)", "cookie.session.path");
    public static readonly CheckDefinition SessionSecure = new("cookie.session.secure", "the session cookie is Secure unless --dev (or session.cookie.secure says otherwise)", "cookie.session.secure");
    public static readonly CheckDefinition SessionMaxAge = new("cookie.session.max-age", "a persistent session cookie's Max-Age runs to the session's expires_at", "cookie.session.max-age");
    public static readonly CheckDefinition CsrfSet = new("cookie.csrf.set", "a new browser flow sets the CSRF cookie csrf_token_<sha256 of the public base URL>", "http.Set-Cookie", "cookie.csrf.name");
    public static readonly CheckDefinition CsrfRotated = new("cookie.csrf.rotated", "a login that issues a session for a new principal (none before, or another identity's) sets a new CSRF cookie; one that continues the same identity's session keeps it", "http.Set-Cookie", "cookie.csrf.value");
    public static readonly CheckDefinition CsrfRegenerated = new("cookie.csrf.regenerated", "a browser whose CSRF cookie is empty gets a new, non-empty CSRF cookie and token with its next flow (nosurf regenerates a token of the wrong length)", "http.Set-Cookie", "cookie.csrf.value");
    public static readonly CheckDefinition CsrfAttributes = new("cookie.csrf.attributes", "the CSRF cookie is HttpOnly, Path cookies.path, SameSite cookies.same_site (Lax when not Secure), Secure unless --dev, Max-Age one year", "cookie.csrf.httponly", "cookie.csrf.samesite", "cookie.csrf.path", "cookie.csrf.secure", "cookie.csrf.max-age");

    /// <summary>nosurf.MaxAge: the CSRF cookie lives a year.</summary>
    private static readonly TimeSpan CsrfLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// The session cookie set by <paramref name="o"/>'s response (a completed browser or SPA login re-issues it,
    /// spec §2.14 step 5) and each of its attributes; <paramref name="expiresAt"/> is the session's expires_at.
    /// </summary>
    public static void SessionCookie(Observation o, KratosFacts facts, DateTimeOffset? expiresAt)
    {
        var now = DateTimeOffset.UtcNow;
        var cookie = o.Response.SetCookies.LastOrDefault(c => c.Name == facts.SessionCookieName);
        var all = Check.List(o.Response.SetCookies.Select(c => c.Describe()));
        Check.Verify(o, SessionSet, cookie is not null, new FailureText
        {
            Headline = "no session cookie set",
            Subject = "Set-Cookie",
            Expectation = "set " + facts.SessionCookieName,
            Why = "a completed browser login issues the session cookie, spec §2.14 step 5, §3",
            Actual = "it set " + all,
            Expected = facts.SessionCookieName,
            Observed = all,
        });
        if (cookie is null)
        {
            return;
        }

        Attribute(o, SessionHttpOnly, cookie, "HttpOnly", cookie.HttpOnly, "true", cookie.HttpOnly ? "true" : "false", "scripts must not read the session, driver/registry_default.go CookieManager");
        Attribute(o, SessionSameSite, cookie, "SameSite", string.Equals(cookie.SameSite, facts.SessionCookieSameSite, StringComparison.OrdinalIgnoreCase), facts.SessionCookieSameSite, cookie.SameSite ?? "(none)", "session.cookie.same_site, else cookies.same_site, spec §3");
        Attribute(o, SessionPath, cookie, "Path", (cookie.Path ?? "/") == facts.SessionCookiePath, facts.SessionCookiePath, cookie.Path ?? "(none)", "session.cookie.path, else cookies.path");
        if (facts.SessionCookieSecure is { } secure)
        {
            // Unknown for an external deployment without session.cookie.secure: --dev is on its command line only.
            Attribute(o, SessionSecure, cookie, "Secure", cookie.Secure == secure, secure ? "true" : "false", cookie.Secure ? "true" : "false", facts.Dev == true ? "--dev turns Secure off, spec §5.4" : "Secure outside --dev, spec §3");
        }

        if (facts.SessionCookiePersistent && expiresAt is { } expires)
        {
            var remaining = expires - now;
            var seconds = cookie.MaxAge;
            var ok = seconds is { } s && Math.Abs(s - remaining.TotalSeconds) <= 5;
            Attribute(o, SessionMaxAge, cookie, "Max-Age", ok, Invariant($"≈ {remaining.TotalSeconds:0} (until expires_at {SessionChecks.Time(expires)})"), seconds?.ToString(CultureInfo.InvariantCulture) ?? "(none)",
                "session.cookie.persistent (default true) sets Max-Age to the time until expires_at, session/manager_http.go IssueCookie");
        }
    }

    /// <summary>x/nosurfx CSRFCookieName: csrf_token_ and the hex SHA-256 of the public base URL.</summary>
    public static string CsrfCookieName(Uri publicUrl) =>
        "csrf_token_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(publicUrl.AbsoluteUri)));

    /// <summary>The CSRF cookie's value in <paramref name="client"/>'s cookie jar now (null without one): what the next request sends.</summary>
    public static string? CsrfValue(KratosClient client, Uri publicUrl) =>
        client.Cookies.GetCookies(publicUrl)[CsrfCookieName(publicUrl)]?.Value;

    /// <summary>
    /// A session for a new principal renews the anti-CSRF token (session/manager_http.go <c>IssueCookie</c> calls
    /// nosurf <c>RegenerateToken</c> when the request had no session or another identity's; docs/kratos-facts.md "A new
    /// session renews the CSRF cookie"): <paramref name="o"/>'s response sets the CSRF cookie to a value other than
    /// <paramref name="before"/>, the one the client sent. A deployment that keeps the token lets a token learnt before
    /// the login (a fixated cookie) pass the CSRF check of the signed-in user's forms.
    /// </summary>
    public static void CsrfRenewed(Observation o, Uri publicUrl, string? before, string why)
    {
        var (name, cookie) = CsrfSetCookie(o, publicUrl);
        var actual = cookie is null ? "it set no CSRF cookie (" + Check.List(o.Response.SetCookies.Select(c => c.Name)) + ")"
            : cookie.Value == before ? "it set the CSRF cookie to the value the client already had"
            : cookie.Value.Length == 0 ? "it cleared the CSRF cookie" : "it set a new CSRF cookie";
        Check.Verify(o, CsrfRotated, cookie is { Value.Length: > 0 } && cookie.Value != before, new FailureText
        {
            Headline = "CSRF token not renewed at login",
            Subject = "the CSRF cookie " + name,
            Expectation = "get a new value with the new session",
            Why = why,
            Actual = actual,
            Expected = "Set-Cookie " + name + " with a new value",
            Observed = actual,
            Hint = "Kratos regenerates the anti-CSRF token whenever it issues a session for a new principal (session/manager_http.go IssueCookie); a UI must take the csrf_token of a flow created after the login.",
        });
    }

    /// <summary>
    /// A session continued for the same identity (the second factor, a password refresh) keeps the anti-CSRF token:
    /// <c>IssueCookie</c> regenerates it only for a new principal, so flows the user's UI created before stay usable.
    /// </summary>
    public static void CsrfKept(Observation o, Uri publicUrl, string? before, string why)
    {
        var (name, cookie) = CsrfSetCookie(o, publicUrl);
        var kept = cookie is null || cookie.Value == before;
        Check.Verify(o, CsrfRotated, kept, new FailureText
        {
            Headline = "CSRF token renewed for the same identity",
            Subject = "the CSRF cookie " + name,
            Expectation = "keep its value",
            Why = why,
            Actual = "it set the CSRF cookie to a new value",
            Expected = "no Set-Cookie " + name + ", or the same value",
            Observed = "Set-Cookie " + name + " with a new value",
            Hint = "Flows the UI created before this request now fail their CSRF check (403 security_csrf_violation).",
        });
    }

    /// <summary>The CSRF cookie a new browser flow sets (spec §3 CSRF row), and its attributes.</summary>
    public static void CsrfCookie(Observation o, KratosFacts facts, Uri publicUrl)
    {
        var (name, cookie) = CsrfSetCookie(o, publicUrl);
        var all = Check.List(o.Response.SetCookies.Select(c => c.Describe()));
        Check.Verify(o, CsrfSet, cookie is not null, new FailureText
        {
            Headline = "no CSRF cookie set",
            Subject = "Set-Cookie",
            Expectation = "set " + name,
            Why = "creating a browser flow sets the CSRF cookie named after the public base URL, spec §3 (x/nosurfx CSRFCookieName)",
            Actual = "it set " + all,
            Expected = name,
            Observed = all,
        });
        if (cookie is null)
        {
            return;
        }

        // Secure unknown (an external deployment without cookies.secure): the cookie's own Secure decides its SameSite.
        var secure = facts.CookieSecure ?? cookie.Secure;
        var sameSite = secure ? facts.CookieSameSite : "Lax";
        var lifetime = cookie.LifetimeFrom(DateTimeOffset.UtcNow);
        var ok = cookie.HttpOnly && (cookie.Path ?? "/") == facts.CookiePath && string.Equals(cookie.SameSite, sameSite, StringComparison.OrdinalIgnoreCase)
            && cookie.Secure == secure && lifetime is { } l && Math.Abs((l - CsrfLifetime).TotalHours) < 25;
        var secureText = facts.CookieSecure is null ? "not judged (--dev unknown)" : secure ? "yes" : "no";
        var expected = $"HttpOnly; Path={facts.CookiePath}; SameSite={sameSite}; Secure={secureText}; Max-Age={CsrfLifetime.TotalSeconds:0}";
        Check.Verify(o, CsrfAttributes, ok, new FailureText
        {
            Headline = "CSRF cookie attributes differ",
            Subject = "the CSRF cookie " + name,
            Expectation = "be " + expected,
            Why = "x/nosurfx NosurfBaseCookieHandler: HttpOnly, cookies.path, SameSite forced to Lax when not Secure, Secure unless --dev, nosurf.MaxAge",
            Actual = "it was " + cookie.Describe(),
            Expected = expected,
            Observed = cookie.Describe(),
        });
    }

    /// <summary>
    /// A request whose CSRF cookie is empty gets a new token: ory/nosurf ServeHTTP regenerates the token whenever the
    /// cookie's decoded length is not the token length (an empty, truncated or tampered cookie), so the flow's
    /// csrf_token and the new Set-Cookie carry a fresh, non-empty token (docs/kratos-facts.md "CSRF refusals").
    /// </summary>
    public static void CsrfRegeneratedFromEmpty(Observation o, Uri publicUrl, string why)
    {
        var (name, cookie) = CsrfSetCookie(o, publicUrl);
        var node = o.Flow?.FindNode("default", "csrf_token", "hidden");
        var actual = cookie is null ? "it set no CSRF cookie (" + Check.List(o.Response.SetCookies.Select(c => c.Name)) + ")"
            : cookie.Value.Length == 0 ? "it set the CSRF cookie empty again"
            : string.IsNullOrEmpty(node?.Value) ? "the flow's csrf_token node is empty" : "a new cookie and token";
        Check.Verify(o, CsrfRegenerated, cookie is { Value.Length: > 0 } && !string.IsNullOrEmpty(node?.Value), new FailureText
        {
            Headline = "empty CSRF cookie not replaced",
            Subject = "the CSRF cookie " + name + " and the flow's csrf_token",
            Expectation = "carry a new, non-empty token",
            Why = why,
            Actual = actual,
            Expected = "Set-Cookie " + name + " with a non-empty value, and a non-empty csrf_token node",
            Observed = actual,
            Hint = "A token taken from an empty cookie is the empty string: every form of this browser would pass the CSRF check with csrf_token=\"\".",
        });
    }

    /// <summary>The CSRF cookie's name for this public URL and the last Set-Cookie of it in the answer, if any.</summary>
    private static (string Name, SetCookie? Cookie) CsrfSetCookie(Observation o, Uri publicUrl)
    {
        var name = CsrfCookieName(publicUrl);
        return (name, o.Response.SetCookies.LastOrDefault(c => c.Name == name));
    }

    private static void Attribute(Observation o, CheckDefinition definition, SetCookie cookie, string attribute, bool ok, string expected, string observed, string why) =>
        Check.Verify(o, definition, ok, new FailureText
        {
            Headline = "session cookie " + attribute + " is " + observed,
            Subject = "the " + attribute + " of the session cookie " + cookie.Name,
            Expectation = "be " + expected,
            Why = why,
            Actual = "it was " + observed + " (" + cookie.Describe() + ")",
            Expected = expected,
            Observed = observed,
        });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
