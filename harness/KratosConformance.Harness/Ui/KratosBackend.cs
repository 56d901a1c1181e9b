using System.Net;
using System.Text.Json.Nodes;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The UI's server-side calls to Kratos's public API. The browser's Cookie header is forwarded verbatim: browser flows
/// are bound to the CSRF cookie and aal2 flows to the session cookie, so a fetch without them fails (spec §2.2, §3).
/// Each call is bounded by the "Kratos request" deadline of the run's patience.
/// </summary>
internal sealed class KratosBackend(Uri publicUrl, Patience patience) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = publicUrl,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Deadline _deadline = patience.For("Kratos request", TimeSpan.FromSeconds(30));

    public Task<KratosReply> GetLoginFlowAsync(string flowId, string? cookie, CancellationToken ct) =>
        GetAsync($"self-service/login/flows?id={Uri.EscapeDataString(flowId)}", cookie, ct);

    /// <summary>GET /self-service/settings/flows?id=: a settings flow is bound to the session cookie (factors spec §7.2).</summary>
    public Task<KratosReply> GetSettingsFlowAsync(string flowId, string? cookie, CancellationToken ct) =>
        GetAsync($"self-service/settings/flows?id={Uri.EscapeDataString(flowId)}", cookie, ct);

    public Task<KratosReply> GetErrorAsync(string errorId, string? cookie, CancellationToken ct) =>
        GetAsync($"self-service/errors?id={Uri.EscapeDataString(errorId)}", cookie, ct);

    public Task<KratosReply> WhoAmIAsync(string? cookie, CancellationToken ct) =>
        GetAsync("sessions/whoami", cookie, ct);

    public void Dispose() => _http.Dispose();

    private async Task<KratosReply> GetAsync(string relative, string? cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(cookie))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        var (response, text) = await _deadline.RunAsync($"GET {relative}", async t =>
        {
            var answer = await _http.SendAsync(request, t).ConfigureAwait(false);
            return (answer, await answer.Content.ReadAsStringAsync(t).ConfigureAwait(false));
        }, ct).ConfigureAwait(false);
        using var disposeResponse = response;
        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (a proxy's error page): the raw text is shown instead.
        }

        return new KratosReply(response.StatusCode, $"GET {relative} -> {(int)response.StatusCode}", body, text);
    }
}
