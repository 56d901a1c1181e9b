using System.Net;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The UI's server-side calls to Kratos's public API. The browser's Cookie header is forwarded verbatim: browser flows
/// are bound to the CSRF cookie and aal2 flows to the session cookie, so a fetch without them fails (spec §2.2, §3).
/// </summary>
internal sealed class KratosBackend(Uri publicUrl) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = publicUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Task<KratosReply> GetLoginFlowAsync(string flowId, string? cookie, CancellationToken ct) =>
        GetAsync($"self-service/login/flows?id={Uri.EscapeDataString(flowId)}", cookie, ct);

    public Task<KratosReply> GetErrorAsync(string errorId, string? cookie, CancellationToken ct) =>
        GetAsync($"self-service/errors?id={Uri.EscapeDataString(errorId)}", cookie, ct);

    public Task<KratosReply> WhoAmIAsync(string? cookie, CancellationToken ct) =>
        GetAsync("sessions/whoami", cookie, ct);

    public void Dispose() => http.Dispose();

    private async Task<KratosReply> GetAsync(string relative, string? cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(cookie))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
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
