using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Kratos's admin API as far as the harness needs it: version, readiness, identities and the courier queue. Recorded
/// in the evidence like every public exchange, because a conformance verdict can hinge on an admin answer (e.g. an
/// address marked verified by the code login, spec §2.14). Uses one shared connection pool: admin calls carry no
/// cookies or per-client state.
/// </summary>
public sealed class KratosAdminClient
{
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        // The endpoints' request deadline bounds each request and names itself when it expires.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly EvidenceHttp _exchange;

    public KratosAdminClient(KratosEndpoints endpoints, EvidenceRecorder evidence)
    {
        Endpoints = endpoints;
        _exchange = new EvidenceHttp(SharedHttp, evidence, cookies: null, endpoints.RequestDeadline);
    }

    public KratosEndpoints Endpoints { get; }

    /// <summary>
    /// GET /admin/version → "v26.2.0" (null when the answer has no version, e.g. a proxy in front of Kratos). Prefixed:
    /// v1.3.1 and v25.4.0 answer the unprefixed path with a 307 (docs/kratos-facts.md).
    /// </summary>
    public async Task<string?> GetVersionAsync(CancellationToken ct = default)
    {
        var response = await GetAsync("admin/version", ct).ConfigureAwait(false);
        return response.Status == 200 ? KratosJson.Str(response.Body, "version") : null;
    }

    /// <summary>GET /admin/health/ready: 200 {"status":"ok"} once Kratos (and its database, migrated) is ready.</summary>
    public Task<KratosResponse> GetHealthReadyAsync(CancellationToken ct = default) => GetAsync("admin/health/ready", ct);

    /// <summary>GET /admin/identities/{id}; credentials config is blanked by Kratos unless include_credential is given.</summary>
    public Task<KratosResponse> GetIdentityAsync(string id, CancellationToken ct = default) =>
        GetAsync("admin/identities/" + Uri.EscapeDataString(id), ct);

    /// <summary>GET /admin/identities/{id}?include_credential=&lt;type&gt;: that credential's config is shown (factors spec §3.6).</summary>
    public Task<KratosResponse> GetIdentityAsync(string id, string includeCredential, CancellationToken ct = default) =>
        GetAsync("admin/identities/" + Uri.EscapeDataString(id) + "?include_credential=" + Uri.EscapeDataString(includeCredential), ct);

    /// <summary>GET /admin/courier/messages?recipient= (bodies are only visible with --dev, spec §5.6).</summary>
    public Task<KratosResponse> GetCourierMessagesAsync(string recipient, CancellationToken ct = default) =>
        GetAsync("admin/courier/messages?recipient=" + Uri.EscapeDataString(recipient), ct);

    /// <summary>POST /admin/identities with the given body.</summary>
    public async Task<KratosResponse> CreateIdentityAsync(JsonObject body, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Post, "admin/identities");
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>DELETE /admin/identities/{id}: 204, or 404 when it is gone already.</summary>
    public async Task<KratosResponse> DeleteIdentityAsync(string id, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Delete, "admin/identities/" + Uri.EscapeDataString(id));
        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Any admin request (relative URIs resolve against the admin URL), recorded.</summary>
    public async Task<KratosResponse> SendAsync(HttpRequestMessage request, CancellationToken ct = default)
    {
        if (request.RequestUri is null || !request.RequestUri.IsAbsoluteUri)
        {
            request.RequestUri = new Uri(Endpoints.AdminUrl, request.RequestUri?.OriginalString ?? string.Empty);
        }

        return ResponseReader.Read(await _exchange.SendAsync(request, ct).ConfigureAwait(false));
    }

    private async Task<KratosResponse> GetAsync(string relative, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, relative);
        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string relative)
    {
        var request = new HttpRequestMessage(method, new Uri(Endpoints.AdminUrl, relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }
}
