using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KratosConformance.Bench;

/// <summary>
/// The protocol floor's user agent: raw HttpClient requests over one shared connection pool, cookies kept by hand
/// (name → value, no jar), the csrf_token read straight from the flow's nodes, the native token put in a header.
/// No evidence, no parsing beyond what the next request needs.
/// </summary>
public sealed class ReplayAgent(HttpClient http, Uri publicUrl, string style)
{
    private const string Html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public int Requests { get; private set; }
    public string? SessionToken { get; set; }
    private bool IsBrowser => style == "browser";
    private bool IsNative => style == "native";

    /// <summary>GET a flow-creating URL; a browser's 303 to the login UI is followed by fetching the flow by id.</summary>
    public async Task<(int Status, JsonElement Body)> CreateAsync(string relative, CancellationToken ct)
    {
        var (status, location, body) = await SendAsync(HttpMethod.Get, relative, null, ct);
        return IsBrowser && status == 303 && FlowIdOf(location) is { } id ? await FlowAsync(id, ct) : (status, body);
    }

    public async Task<(int Status, JsonElement Body)> FlowAsync(string id, CancellationToken ct)
    {
        var (status, _, body) = await SendAsync(HttpMethod.Get, "self-service/login/flows?id=" + id, null, ct, json: true);
        return (status, body);
    }

    /// <summary>POST to the flow (form for browsers, JSON otherwise) with the flow's csrf_token; a 303 to the UI is followed.</summary>
    public async Task<(int Status, string? Location, JsonElement Body)> SubmitAsync(JsonElement flow, CancellationToken ct, params (string Name, string Value)[] fields)
    {
        var csrf = Csrf(flow);
        var all = csrf is null ? fields : [.. fields, ("csrf_token", csrf)];
        HttpContent content = IsBrowser
            ? new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            : Json(all);
        var id = flow.GetProperty("id").GetString()!;
        var (status, location, body) = await SendAsync(HttpMethod.Post, "self-service/login?flow=" + id, content, ct);
        if (IsBrowser && status == 303 && FlowIdOf(location) is { } next)
        {
            var (s, b) = await FlowAsync(next, ct);
            return (s, location, b);
        }

        return (status, location, body);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string relative, CancellationToken ct)
    {
        var (status, _, body) = await SendAsync(HttpMethod.Get, relative, null, ct, json: true);
        return (status, body);
    }

    public static string? Csrf(JsonElement flow)
    {
        foreach (var node in flow.GetProperty("ui").GetProperty("nodes").EnumerateArray())
        {
            var a = node.GetProperty("attributes");
            if (a.TryGetProperty("name", out var name) && name.ValueEquals("csrf_token"))
            {
                return a.GetProperty("value").GetString();
            }
        }

        return null;
    }

    public static StringContent Json(IEnumerable<(string Name, string Value)> fields)
    {
        var buffer = new StringBuilder("{");
        foreach (var (name, value) in fields)
        {
            buffer.Append(buffer.Length > 1 ? "," : string.Empty).Append(JsonSerializer.Serialize(name)).Append(':').Append(JsonSerializer.Serialize(value));
        }

        var content = new StringContent(buffer.Append('}').ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<(int Status, string? Location, JsonElement Body)> SendAsync(HttpMethod method, string relative, HttpContent? content, CancellationToken ct, bool json = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(publicUrl, relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", IsBrowser && !json ? Html : "application/json");
        if (IsNative && SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Session-Token", SessionToken);
        }

        if (!IsNative && _cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        Requests++;
        using var response = await http.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var line in setCookies)
            {
                var pair = line.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var body = bytes.Length > 0 && bytes[0] is (byte)'{' or (byte)'[' ? JsonDocument.Parse(bytes).RootElement : default;
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, body);
    }

    /// <summary>The flow id of a redirect to the login UI (…?flow=&lt;id&gt;), else null.</summary>
    private static string? FlowIdOf(string? location)
    {
        var at = location?.IndexOf("flow=", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : location![(at + 5)..].Split('&')[0];
    }
}
