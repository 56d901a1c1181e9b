using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// The request lines of oryx/reqlog as Kratos logs them at info: "started handling request" and "completed handling
/// request" with http_request (headers, host, method, path, query, remote, scheme) and http_response (headers, size,
/// status, text_status, took). Cookies, tokens and the query are redacted unless log.leak_sensitive_values is true
/// (oryx/logrusx HTTPHeadersRedacted, maybeRedact).
/// </summary>
internal static class RequestLog
{
    public const string RedactionText = "Value is sensitive and has been redacted. To see the value set config key \"log.leak_sensitive_values = true\" or environment variable \"LOG_LEAK_SENSITIVE_VALUES=true\".";

    public static void Started(Runtime rt, HttpContext ctx) =>
        rt.Log.Info("started handling request", ("http_request", Request(rt, ctx)));

    public static void Completed(Runtime rt, HttpContext ctx, TimeSpan took) =>
        rt.Log.Info(
            "completed handling request",
            ("http_request", Request(rt, ctx)),
            ("http_response", new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["headers"] = Headers(rt, ctx.Response.Headers),
                ["size"] = ctx.Response.ContentLength ?? 0,
                ["status"] = ctx.Response.StatusCode,
                ["text_status"] = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(ctx.Response.StatusCode),
                ["took"] = GoDuration(took),
            }));

    private static SortedDictionary<string, object?> Request(Runtime rt, HttpContext ctx)
    {
        var request = ctx.Request;
        var query = request.QueryString.Value?.TrimStart('?') ?? string.Empty;
        return new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["headers"] = Headers(rt, request.Headers),
            ["host"] = request.Host.Value,
            ["method"] = request.Method,
            ["path"] = request.Path.Value,
            ["query"] = query.Length == 0 ? null : rt.Config.LogLeakSensitive ? query : RedactionText,
            ["remote"] = $"{ctx.Connection.RemoteIpAddress}:{ctx.Connection.RemotePort}",
            ["scheme"] = request.IsHttps ? "https" : "http",
        };
    }

    private static SortedDictionary<string, object?> Headers(Runtime rt, IHeaderDictionary headers)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in headers)
        {
            var name = key.ToLowerInvariant();
            result[name] = name switch
            {
                "authorization" or "cookie" or "set-cookie" or "x-session-token" => rt.Config.LogLeakSensitive ? "[" + string.Join(' ', value.ToArray()) + "]" : RedactionText,
                "location" when !rt.Config.LogLeakSensitive => value.ToString().Split('?', '#')[0],
                _ => value.ToString(),
            };
        }

        return result;
    }

    /// <summary>Go's time.Duration String(): 1.234567ms, 12.5µs, 2.1s.</summary>
    private static string GoDuration(TimeSpan took) =>
        took.TotalMilliseconds >= 1000 ? took.TotalSeconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + "s"
        : took.TotalMilliseconds >= 1 ? took.TotalMilliseconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + "ms"
        : (took.Ticks / 10.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "µs";
}
