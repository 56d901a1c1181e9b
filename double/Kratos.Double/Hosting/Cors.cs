using System.Globalization;
using Kratos.Double.Config;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Hosting;

/// <summary>
/// The public port's CORS middleware (cmd/daemon/serve.go: rs/cors in front of the CSRF handler and the router, built
/// per request from <see cref="CorsConfig"/>; when disabled it does nothing). rs/cors v1.11.1 (v25.4.0, v26.2.0) and
/// v1.11.0 (v1.3.1): a preflight (OPTIONS with Access-Control-Request-Method) is answered here with 204 and never reaches
/// the router; any other request gets the actual-request headers and goes on. Origins match case-insensitively, "*" in
/// the list allows all (answered with a literal "*", also with credentials), one "*" inside an origin matches any
/// characters. Requested headers must be lower-case, sorted and each allowed; the methods list is checked for both.
/// </summary>
internal static class Cors
{
    /// <returns>True when the request was a preflight that is answered now.</returns>
    public static bool Apply(HttpContext ctx, CorsConfig cors, bool v1_11_0)
    {
        if (!cors.Enabled)
        {
            return false;
        }

        var request = ctx.Request;
        var headers = new List<(string Name, string Value)>();
        bool preflight = HttpMethods.IsOptions(request.Method) && request.Headers["Access-Control-Request-Method"].ToString().Length > 0;
        if (preflight)
        {
            Debug(cors, "ServeHTTP: Preflight request");
            Preflight(request, cors, v1_11_0, headers);
        }
        else
        {
            Debug(cors, "ServeHTTP: Actual request");
            Actual(request, cors, headers);
        }

        // Written when the response starts, so every answer, an error one included, carries them, as Kratos's error
        // writer keeps the headers rs/cors set before the router ran.
        ctx.Response.OnStarting(() =>
        {
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers.Append(name, value);
            }

            return Task.CompletedTask;
        });
        if (preflight && !cors.OptionsPassthrough)
        {
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return true;
        }

        return false;
    }

    private static void Preflight(HttpRequest request, CorsConfig cors, bool v1_11_0, List<(string, string)> headers)
    {
        headers.Add(("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        var origin = request.Headers.Origin.ToString();
        var method = request.Headers["Access-Control-Request-Method"].ToString();
        var requested = request.Headers["Access-Control-Request-Headers"];
        if (origin.Length == 0 || !OriginAllowed(cors, origin) || !MethodAllowed(cors, method)
            || (requested.Count > 0 && !HeadersAllowAll(cors) && !HeadersAccepted(cors, v1_11_0 ? [requested[0] ?? string.Empty] : [.. requested.Select(h => h ?? string.Empty)], v1_11_0)))
        {
            Debug(cors, $"  Preflight aborted: origin '{origin}', method '{method}', headers '{requested}'");
            return;
        }

        headers.Add(("Access-Control-Allow-Origin", AllOrigins(cors) ? "*" : origin));
        headers.Add(("Access-Control-Allow-Methods", method));
        if (requested.Count > 0 && (requested[0] ?? string.Empty).Length > 0)
        {
            foreach (var value in v1_11_0 ? [requested[0]!] : requested.Select(h => h ?? string.Empty))
            {
                headers.Add(("Access-Control-Allow-Headers", value));
            }
        }

        if (cors.AllowCredentials)
        {
            headers.Add(("Access-Control-Allow-Credentials", "true"));
        }

        if (cors.MaxAge > 0)
        {
            headers.Add(("Access-Control-Max-Age", cors.MaxAge.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void Actual(HttpRequest request, CorsConfig cors, List<(string, string)> headers)
    {
        headers.Add(("Vary", "Origin"));
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !OriginAllowed(cors, origin) || !MethodAllowed(cors, request.Method))
        {
            Debug(cors, $"  Actual request no headers added: origin '{origin}', method '{request.Method}'");
            return;
        }

        headers.Add(("Access-Control-Allow-Origin", AllOrigins(cors) ? "*" : origin));
        if (cors.ExposedHeaders.Count > 0)
        {
            headers.Add(("Access-Control-Expose-Headers", string.Join(", ", cors.ExposedHeaders.Select(Canonical))));
        }

        if (cors.AllowCredentials)
        {
            headers.Add(("Access-Control-Allow-Credentials", "true"));
        }
    }

    /// <summary>An empty list allows every origin; so does "*" anywhere in it.</summary>
    private static bool AllOrigins(CorsConfig cors) => cors.AllowedOrigins.Count == 0 || cors.AllowedOrigins.Contains("*");

    private static bool OriginAllowed(CorsConfig cors, string origin)
    {
        if (AllOrigins(cors))
        {
            return true;
        }

        origin = origin.ToLowerInvariant();
        foreach (var allowed in cors.AllowedOrigins.Select(o => o.ToLowerInvariant()))
        {
            var star = allowed.IndexOf('*', StringComparison.Ordinal);
            if (star < 0 ? allowed == origin
                : origin.Length >= allowed.Length - 1 && origin.StartsWith(allowed[..star], StringComparison.Ordinal) && origin.EndsWith(allowed[(star + 1)..], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Case-sensitive against the configured list (an empty list means GET, POST, HEAD); OPTIONS always passes.</summary>
    private static bool MethodAllowed(CorsConfig cors, string method)
    {
        IReadOnlyList<string> methods = cors.AllowedMethods.Count == 0 ? ["GET", "POST", "HEAD"] : cors.AllowedMethods;
        return method == "OPTIONS" || methods.Contains(method, StringComparer.Ordinal);
    }

    private static bool HeadersAllowAll(CorsConfig cors) => cors.AllowedHeaders.Contains("*");

    /// <summary>
    /// internal/sortedset.go: the requested names must each be in the (lower-cased, sorted) allowed set, in strictly
    /// increasing order. v1.11.1 (Accepts) trims one space or tab around each name and tolerates up to 16 empty
    /// elements; v1.11.0 (Subsumes) reads only the first header line and trims nothing.
    /// </summary>
    private static bool HeadersAccepted(CorsConfig cors, IEnumerable<string> values, bool v1_11_0)
    {
        IEnumerable<string> configured = cors.AllowedHeaders.Count == 0 ? ["accept", "content-type", "x-requested-with"] : cors.AllowedHeaders;
        var set = configured.Select(h => h.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var last = -1;
        var empty = 0;
        foreach (var value in values)
        {
            if (v1_11_0 && value.Length == 0)
            {
                return true;
            }

            foreach (var raw in value.Split(','))
            {
                var name = v1_11_0 ? raw : TrimOws(raw);
                if (name is null)
                {
                    return false;
                }

                if (name.Length == 0 && !v1_11_0)
                {
                    if (++empty > 16)
                    {
                        return false;
                    }

                    continue;
                }

                var position = set.IndexOf(name);
                if (position < 0 || position <= last)
                {
                    return false;
                }

                last = position;
            }
        }

        return true;
    }

    /// <summary>At most one space or tab on each side; more is refused.</summary>
    private static string? TrimOws(string name)
    {
        var left = name.Length - name.TrimStart(' ', '\t').Length;
        var right = name.Length - name.TrimEnd(' ', '\t').Length;
        return left > 1 || right > 1 ? null : name.Trim(' ', '\t');
    }

    /// <summary>Go's http.CanonicalHeaderKey: upper-case the first letter and each letter after a hyphen.</summary>
    private static string Canonical(string header)
    {
        var chars = header.ToLowerInvariant().ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (upper && chars[i] is >= 'a' and <= 'z')
            {
                chars[i] = (char)(chars[i] - 32);
            }

            upper = chars[i] == '-';
        }

        return new string(chars);
    }

    /// <summary>cors.debug: rs/cors logs with log.New(os.Stdout, "[cors] ", log.LstdFlags).</summary>
    private static void Debug(CorsConfig cors, string line)
    {
        if (cors.Debug)
        {
            Console.Out.WriteLine($"[cors] {DateTime.Now.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture)} {line}");
        }
    }
}
