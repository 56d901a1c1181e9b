using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// One user agent driving Kratos's self-service login in one <see cref="ClientStyle"/>: its own HttpClient, cookie jar
/// and session token. Redirects are never followed blindly: a browser's 303 is captured and, when it points at the
/// login or error UI, the flow or error is fetched the way a UI would, so suites assert on what Kratos decided rather
/// than on where it sent the browser. Native clients never send cookies or Origin (Kratos refuses API requests that
/// carry them, spec §3). Every exchange is recorded in the test's evidence.
/// </summary>
public sealed class KratosClient : IDisposable
{
    private const string HtmlAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private const string JsonAccept = "application/json";
    private readonly HttpClient _http;
    private readonly EvidenceHttp _exchange;
    private readonly Uri? _loginUi;
    private readonly Uri? _errorUi;

    private KratosClient(ClientStyle style, KratosEndpoints endpoints, EvidenceRecorder evidence, KratosFacts? facts)
    {
        Style = style;
        Endpoints = endpoints;
        Evidence = evidence;
        _loginUi = facts?.LoginUiUrl;
        _errorUi = facts?.ErrorUiUrl;
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            UseCookies = style != ClientStyle.Native,
        };
        // No HttpClient timeout: the endpoints' request deadline bounds each request and names itself when it expires.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _exchange = new EvidenceHttp(_http, evidence, style == ClientStyle.Native ? null : Cookies, endpoints.RequestDeadline);
    }

    public ClientStyle Style { get; }
    public KratosEndpoints Endpoints { get; }
    public EvidenceRecorder Evidence { get; }

    /// <summary>Native: the token of the last successful login (sent as X-Session-Token).</summary>
    public string? SessionToken { get; private set; }

    /// <summary>The browser/SPA cookie jar (CSRF and session cookies). Unused by native clients.</summary>
    public CookieContainer Cookies { get; } = new();

    public static KratosClient Create(ClientStyle style, KratosEndpoints endpoints, EvidenceRecorder evidence) =>
        new(style, endpoints, evidence, null);

    /// <summary>As <see cref="Create(ClientStyle, KratosEndpoints, EvidenceRecorder)"/>, recognising redirects by the
    /// deployment's configured login and error UI URLs instead of by their shape.</summary>
    public static KratosClient Create(ClientStyle style, KratosEndpoints endpoints, EvidenceRecorder evidence, KratosFacts? facts) =>
        new(style, endpoints, evidence, facts);

    /// <summary>Replaces the native session token (e.g. to act with another user's token in a test).</summary>
    public void UseSessionToken(string? token) => SessionToken = token;

    public async Task<KratosResponse> CreateLoginFlowAsync(LoginFlowOptions options, CancellationToken ct = default)
    {
        var path = Style == ClientStyle.Native ? "self-service/login/api" : "self-service/login/browser";
        var query = new List<string>();
        Add(query, "aal", options.Aal);
        Add(query, "refresh", options.Refresh is { } r ? (r ? "true" : "false") : null);
        Add(query, "return_to", options.ReturnTo);
        Add(query, "via", options.Via);
        var url = path + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
        using var request = NewRequest(HttpMethod.Get, url, Style == ClientStyle.Browser ? HtmlAccept : JsonAccept);
        return await SendAndInterpretAsync(request, ct).ConfigureAwait(false);
    }

    public async Task<KratosResponse> GetLoginFlowAsync(string flowId, CancellationToken ct = default)
    {
        using var request = NewRequest(HttpMethod.Get, "self-service/login/flows?id=" + Uri.EscapeDataString(flowId), JsonAccept);
        return await SendAndInterpretAsync(request, ct).ConfigureAwait(false);
    }

    public async Task<KratosResponse> SubmitLoginAsync(LoginFlow flow, LoginSubmission submission, CancellationToken ct = default)
    {
        var fields = new List<KeyValuePair<string, string>>(submission.Fields);
        var csrf = submission.CsrfTokenOverride ?? (submission.IncludeCsrfToken ? flow.CsrfToken : null);
        if (csrf is not null && !submission.Fields.ContainsKey("csrf_token"))
        {
            fields.Add(new("csrf_token", csrf));
        }

        var url = "self-service/login?flow=" + Uri.EscapeDataString(flow.Id);
        using var request = NewRequest(HttpMethod.Post, url, Style == ClientStyle.Browser ? HtmlAccept : JsonAccept);
        request.Content = Style == ClientStyle.Browser ? new FormUrlEncodedContent(fields) : JsonContent(fields);
        var response = await SendAndInterpretAsync(request, ct).ConfigureAwait(false);
        if (Style == ClientStyle.Native && response.Status == 200 && response.SessionToken is { } token)
        {
            SessionToken = token;
        }

        return response;
    }

    public async Task<KratosResponse> SignInWithPasswordAsync(string identifier, string password, CancellationToken ct = default)
    {
        var created = await CreateLoginFlowAsync(LoginFlowOptions.FirstFactor, ct).ConfigureAwait(false);
        if (created.Flow is null)
        {
            return created;
        }

        return await SubmitLoginAsync(created.Flow, LoginSubmission.Password(identifier, password), ct).ConfigureAwait(false);
    }

    public async Task<KratosResponse> WhoAmIAsync(CancellationToken ct = default)
    {
        using var request = NewRequest(HttpMethod.Get, "sessions/whoami", JsonAccept);
        return await SendAndInterpretAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Browser/SPA: fetches the logout URL, then calls it; native: DELETE /self-service/logout/api with the token.</summary>
    public async Task<KratosResponse> LogoutAsync(CancellationToken ct = default)
    {
        if (Style == ClientStyle.Native)
        {
            using var revoke = NewRequest(HttpMethod.Delete, "self-service/logout/api", JsonAccept);
            revoke.Content = JsonContent([new("session_token", SessionToken ?? string.Empty)]);
            var revoked = await SendAndInterpretAsync(revoke, ct).ConfigureAwait(false);
            if (revoked.Status is 204 or 200)
            {
                SessionToken = null;
            }

            return revoked;
        }

        using var init = NewRequest(HttpMethod.Get, "self-service/logout/browser", JsonAccept);
        var logout = await SendAndInterpretAsync(init, ct).ConfigureAwait(false);
        if (KratosJson.Str(logout.Body, "logout_url") is not { } logoutUrl)
        {
            return logout;
        }

        using var perform = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoints.PublicUrl, logoutUrl));
        perform.Headers.TryAddWithoutValidation("Accept", Style == ClientStyle.Browser ? HtmlAccept : JsonAccept);
        return await SendAndInterpretAsync(perform, ct).ConfigureAwait(false);
    }

    /// <summary>Sends a hand-made request (relative URIs resolve against the public URL). Only the style's Accept header is
    /// added, and only when the request has none; cookies come from the jar for browser and SPA clients.</summary>
    public async Task<KratosResponse> SendAsync(HttpRequestMessage request, CancellationToken ct = default)
    {
        if (request.RequestUri is null || !request.RequestUri.IsAbsoluteUri)
        {
            request.RequestUri = new Uri(Endpoints.PublicUrl, request.RequestUri?.OriginalString ?? string.Empty);
        }

        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Style == ClientStyle.Browser ? HtmlAccept : JsonAccept);
        }

        return await SendAndInterpretAsync(request, ct).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<KratosResponse> SendAndInterpretAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var exchange = await _exchange.SendAsync(request, ct).ConfigureAwait(false);
        var response = ResponseReader.Read(exchange);
        if (!response.IsRedirect)
        {
            return response;
        }

        var target = RedirectTarget.Classify(response.Location, Endpoints, _loginUi, _errorUi);
        var followPath = target.Kind switch
        {
            RedirectKind.LoginUi => "self-service/login/flows?id=" + Uri.EscapeDataString(target.Id!),
            RedirectKind.ErrorUi => "self-service/errors?id=" + Uri.EscapeDataString(target.Id!),
            _ => null,
        };
        if (followPath is null)
        {
            return response;
        }

        using var follow = NewRequest(HttpMethod.Get, followPath, JsonAccept);
        var followUp = ResponseReader.Read(await _exchange.SendAsync(follow, ct).ConfigureAwait(false));
        return ResponseReader.WithFollowUp(response, followUp);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relative, string accept)
    {
        var request = new HttpRequestMessage(method, new Uri(Endpoints.PublicUrl, relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (Style == ClientStyle.Native && SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Session-Token", token);
        }

        return request;
    }

    private static StringContent JsonContent(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
