using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Kratos's courier queue through its admin API (<c>GET /admin/courier/messages?recipient=</c>, spec §5.6). It says
/// what Kratos queued for an address and how delivery went, which a mail sink can not: "nothing queued" and
/// "abandoned after 5 attempts: connection refused" are final, so a wait can report them at once instead of waiting
/// out its deadline (docs/kratos-facts.md). Status and error are never redacted; subject and body are unless --dev.
/// </summary>
public sealed class KratosCourier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Admin reads carry no cookies or per-caller state: one connection pool for every courier of the process.
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly HttpClient _http;
    private readonly Deadline _requestDeadline;
    private readonly ConcurrentDictionary<(string Id, int SendCount), string?> _errors = new();

    /// <param name="adminUrl">Kratos's admin base URL, e.g. http://127.0.0.1:4434/ (a trailing /admin is accepted too).</param>
    /// <param name="httpClient">Optional (a process-wide client otherwise); its lifetime stays with the caller.</param>
    /// <param name="patience">Scales the request deadline.</param>
    public KratosCourier(Uri adminUrl, HttpClient? httpClient = null, Patience? patience = null)
    {
        AdminUrl = AdminRoot(adminUrl);
        _http = httpClient ?? SharedHttp;
        _requestDeadline = (patience ?? Patience.Default).For("Kratos request", TimeSpan.FromSeconds(30));
    }

    /// <summary>The admin base URL, with a trailing slash; paths below start with admin/.</summary>
    public Uri AdminUrl { get; }

    /// <summary>
    /// Every email message queued for <paramref name="recipient"/>, oldest first; with <paramref name="lastErrors"/>,
    /// the last dispatch error of each message that failed at least once. Kratos's list leaves dispatches out, so they
    /// are read per message, once per attempt.
    /// </summary>
    public Task<IReadOnlyList<CourierMessage>> ListAsync(string recipient, bool lastErrors = true, CancellationToken cancellationToken = default) =>
        ListAsync(recipient, "email", lastErrors, cancellationToken);

    /// <summary>The SMS messages queued for a phone number (type sms, the E.164 recipient as Kratos stored it; factors spec §10.3).</summary>
    public Task<IReadOnlyList<CourierMessage>> ListSmsAsync(string phone, CancellationToken cancellationToken = default) =>
        ListAsync(phone, "sms", lastErrors: true, cancellationToken);

    private async Task<IReadOnlyList<CourierMessage>> ListAsync(string recipient, string type, bool lastErrors, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var stored = type == "email" ? recipient.Trim().ToLowerInvariant() : recipient.Trim();
        var url = new Uri(AdminUrl, $"admin/courier/messages?recipient={Uri.EscapeDataString(stored)}&page_size=1000");
        var listed = await GetJsonAsync<List<Listed>>(url, cancellationToken).ConfigureAwait(false);
        var messages = new List<CourierMessage>();
        foreach (var m in listed.Where(m => (m.Type ?? "email") == type && string.Equals(m.Recipient?.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            var message = new CourierMessage(m.Id, m.Status ?? "unknown", m.Recipient!.Trim(), m.Subject, m.Body, m.TemplateType, m.SendCount, m.CreatedAt);
            if (lastErrors && !message.IsSent && message.SendCount > 0)
            {
                message = message with { LastError = await LastErrorAsync(m, cancellationToken).ConfigureAwait(false) };
            }

            messages.Add(message);
        }

        return messages.OrderBy(m => m.CreatedAt).ToList();
    }

    private async Task<string?> LastErrorAsync(Listed listed, CancellationToken cancellationToken)
    {
        if (listed.Dispatches is { Count: > 0 } inline)
        {
            return LastError(inline);
        }

        var key = (listed.Id, listed.SendCount);
        if (_errors.TryGetValue(key, out var known))
        {
            return known;
        }

        var url = new Uri(AdminUrl, $"admin/courier/messages/{Uri.EscapeDataString(listed.Id)}");
        try
        {
            var detail = await GetJsonAsync<Listed>(url, cancellationToken).ConfigureAwait(false);
            return _errors.GetOrAdd(key, LastError(detail.Dispatches ?? []));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or DeadlineExpiredException)
        {
            // The error is an explanation, not the verdict: the status in the list is what counts.
            return $"(its dispatches could not be read: GET {url.PathAndQuery}: {e.Message})";
        }
    }

    private static string? LastError(List<Dispatch> dispatches)
    {
        var failed = dispatches.Where(d => d.Status == "failed").OrderBy(d => d.CreatedAt).LastOrDefault();
        if (failed?.Error is not JsonObject error)
        {
            return failed?.Error?.ToJsonString();
        }

        // courier dispatches store a herodot error (persister_courier.go RecordDispatch): message, then reason.
        return (string?)error["message"] ?? (string?)error["reason"] ?? error.ToJsonString();
    }

    private Task<T> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken) =>
        _requestDeadline.RunAsync(
            $"GET {url.PathAndQuery}",
            async ct => await _http.GetFromJsonAsync<T>(url, Json, ct).ConfigureAwait(false) ?? throw new InvalidDataException($"GET {url} returned no JSON body."),
            cancellationToken);

    internal static Uri AdminRoot(Uri adminUrl)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        var root = adminUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root.EndsWith("/admin", StringComparison.OrdinalIgnoreCase) ? root[..^"/admin".Length] + "/" : root + "/");
    }

    private sealed record Listed(
        string Id,
        string? Status,
        string? Type,
        string? Recipient,
        string? Subject,
        string? Body,
        [property: JsonPropertyName("template_type")] string? TemplateType,
        [property: JsonPropertyName("send_count")] int SendCount,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        List<Dispatch>? Dispatches);

    private sealed record Dispatch(
        string? Status,
        JsonNode? Error,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
}
