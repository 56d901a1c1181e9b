using System.Net;
using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>A user agent: a browser (forms, cookies), an SPA (JSON + cookies) or a native app (JSON + session token).</summary>
public sealed class Actor : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _public;

    public Actor(Uri publicBaseUrl)
    {
        _public = publicBaseUrl;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = publicBaseUrl };
    }

    public CookieContainer Cookies { get; }
    public ClientStyle Style { get; set; } = ClientStyle.Spa;
    public string? SessionToken { get; set; }

    public Task<Reply> CreateLoginFlowAsync(string query = "")
    {
        var path = (Style == ClientStyle.Native ? "/self-service/login/api" : "/self-service/login/browser") + (query.Length > 0 ? "?" + query : string.Empty);
        return SendAsync(HttpMethod.Get, path, null, followToUi: true);
    }

    public Task<Reply> FetchFlowAsync(string id) => SendAsync(HttpMethod.Get, "/self-service/login/flows?id=" + id, null, followToUi: false, forceJson: true);

    /// <summary>Posts fields the way the client style does; csrf_token is added from the flow for browser clients.</summary>
    public Task<Reply> SubmitAsync(JsonNode flow, params (string Key, string Value)[] fields)
    {
        var values = fields.ToList();
        if (Style != ClientStyle.Native && FlowJson.Csrf(flow) is { } csrf && values.All(v => v.Key != "csrf_token"))
        {
            values.Add(("csrf_token", csrf));
        }

        HttpContent content = Style == ClientStyle.Browser
            ? new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)))
            : FlowJson.Content(new JsonObject(values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value))));
        return SendAsync(HttpMethod.Post, "/self-service/login?flow=" + flow["id"]!.GetValue<string>(), content, followToUi: true);
    }

    public async Task<Reply> PasswordLoginAsync(string email, string password = "a-strong-test-password-1")
    {
        var created = await CreateLoginFlowAsync();
        var reply = await SubmitAsync(created.Body!, ("method", "password"), ("identifier", email), ("password", password));
        if (Style == ClientStyle.Native && reply.Body?["session_token"] is { } token)
        {
            SessionToken = token.GetValue<string>();
        }

        return reply;
    }

    /// <summary>GET /self-service/settings/browser (or /api for a native app); a browser follows the redirect to the flow.</summary>
    public Task<Reply> CreateSettingsFlowAsync(string query = "")
    {
        var path = (Style == ClientStyle.Native ? "/self-service/settings/api" : "/self-service/settings/browser") + (query.Length > 0 ? "?" + query : string.Empty);
        return SendAsync(HttpMethod.Get, path, null, followToUi: true);
    }

    public Task<Reply> FetchSettingsFlowAsync(string id) => SendAsync(HttpMethod.Get, "/self-service/settings/flows?id=" + id, null, followToUi: false, forceJson: true);

    /// <summary>Posts to the settings flow the way the client style does; csrf_token is added for browser clients.</summary>
    public Task<Reply> SubmitSettingsAsync(JsonNode flow, params (string Key, string Value)[] fields)
    {
        var values = fields.ToList();
        if (Style != ClientStyle.Native && FlowJson.Csrf(flow) is { } csrf && values.All(v => v.Key != "csrf_token"))
        {
            values.Add(("csrf_token", csrf));
        }

        HttpContent content = Style == ClientStyle.Browser
            ? new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)))
            : FlowJson.Content(new JsonObject(values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value is "true" or "false" ? JsonValue.Create(v.Value == "true") : JsonValue.Create(v.Value)))));
        return SendAsync(HttpMethod.Post, "/self-service/settings?flow=" + flow["id"]!.GetValue<string>(), content, followToUi: true);
    }

    public Task<Reply> WhoamiAsync() => SendAsync(HttpMethod.Get, "/sessions/whoami", null, followToUi: false, forceJson: true);

    public async Task<Reply> SendAsync(HttpMethod method, string path, HttpContent? content, bool followToUi, bool forceJson = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Style != ClientStyle.Browser || forceJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }
        else
        {
            request.Headers.Accept.ParseAdd("text/html");
        }

        if (Style == ClientStyle.Native && SessionToken is not null)
        {
            request.Headers.Add("X-Session-Token", SessionToken);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null;
        var described = $"{method} {path}";
        if (followToUi && response.StatusCode == HttpStatusCode.SeeOther && location is not null
            && (location.Contains("/login?flow=", StringComparison.Ordinal) || location.Contains("/settings?flow=", StringComparison.Ordinal)))
        {
            var id = location[(location.IndexOf("flow=", StringComparison.Ordinal) + 5)..];
            var flow = location.Contains("/settings?flow=", StringComparison.Ordinal) ? await FetchSettingsFlowAsync(id) : await FetchFlowAsync(id);
            return new Reply(response.StatusCode, flow.Body, location, described);
        }

        return new Reply(response.StatusCode, body, location, described);
    }

    public void Dispose() => _http.Dispose();
}
