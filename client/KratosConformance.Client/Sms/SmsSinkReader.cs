using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Sms;

/// <summary>
/// Reads the SMS Kratos's courier sent through its http channel from an SMS sink: the harness's own
/// (harness/KratosConformance.SmsSink) or a team's webhook sink given with --sms-url, which must answer
/// <c>GET &lt;sms-url&gt;/messages?after=&lt;id&gt;&amp;wait=&lt;ms&gt;</c> with a JSON array of the received requests
/// (<c>id</c>, <c>method</c>, <c>path</c>, <c>headers</c>, <c>body</c>; docs/sms-sink.md). The wait is event-driven: the
/// sink holds each listing until a request arrives (a sink that ignores <c>wait</c> answers at once and is asked again).
/// One deadline bounds the whole wait and is named when it expires; each listing is bounded by the sink's hold plus
/// the run's "SMS sink answer" deadline (10 s at patience 1), named too.
/// </summary>
public sealed class SmsSinkReader(Uri sinkUrl, HttpClient http, Patience patience)
{
    private static readonly TimeSpan LongestListing = TimeSpan.FromSeconds(10);
    private readonly Deadline _answer = (patience ?? throw new ArgumentNullException(nameof(patience))).For("SMS sink answer", TimeSpan.FromSeconds(10));
    private readonly List<ReceivedSms> _seen = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Uri SinkUrl { get; } = sinkUrl;

    /// <summary>The <paramref name="nth"/> (1-based) request to <paramref name="phone"/>, waiting for it within <paramref name="deadline"/>.</summary>
    public async Task<ReceivedSms> WaitForAsync(string phone, int nth, Deadline deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var ends = DateTimeOffset.UtcNow + deadline.Limit;
        while (true)
        {
            var mine = await ListForAsync(phone, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (mine.Count >= nth)
            {
                return mine[nth - 1];
            }

            var left = ends - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new SmsWaitTimeoutException(
                    $"No SMS #{nth} to {phone} reached the SMS sink {SinkUrl} within {deadline.Expired}. "
                    + $"The sink received {_seen.Count} request(s), {mine.Count} for {phone}: "
                    + (_seen.Count == 0 ? "none" : string.Join("; ", _seen.TakeLast(5).Select(s => s + " " + Shorten(s.Body))))
                    + ". Check courier.channels (id sms, type http, request_config.url pointing at the sink) and the courier's messages (GET /admin/courier/messages).");
            }

            await ListForAsync(phone, left < LongestListing ? left : LongestListing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every request to <paramref name="phone"/> the sink listed so far (asks once more, holding up to
    /// <paramref name="wait"/> for a new one). The request may take the hold plus the SMS sink answer deadline; past that
    /// it ends with a <see cref="DeadlineExpiredException"/> naming the listing and the setting that raises it.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedSms>> ListForAsync(string phone, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var after = _seen.Count == 0 ? 0 : _seen[^1].Id;
            var url = new Uri(SinkUrl, $"messages?after={after.ToString(CultureInfo.InvariantCulture)}&wait={((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}");
            var listing = _answer with { Limit = wait + _answer.Limit };
            var text = await listing.RunAsync($"GET {url} (held by the sink for up to {wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s)", ct => http.GetStringAsync(url, ct), cancellationToken).ConfigureAwait(false);
            foreach (var item in ParseListing(text, url))
            {
                if (_seen.Count == 0 || item.Id > _seen[^1].Id)
                {
                    _seen.Add(item);
                }
            }

            return _seen.Where(s => SmsContent.IsFor(s.Parsed, s.Body, phone)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The sink's listing; anything but a JSON array of requests is a clear error naming the contract.</summary>
    public static IReadOnlyList<ReceivedSms> ParseListing(string text, Uri url)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The SMS sink answered {url} with something that is not JSON ({e.Message}); it must answer a JSON array of requests (docs/sms-sink.md).", e);
        }

        if (root is not JsonArray list)
        {
            throw new InvalidDataException($"The SMS sink answered {url} with a JSON {root?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}; it must answer a JSON array of requests (docs/sms-sink.md).");
        }

        var result = new List<ReceivedSms>();
        foreach (var item in list.OfType<JsonObject>())
        {
            var headers = (item["headers"] as JsonObject)?.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var body = item["body"]?.ToString() ?? string.Empty;
            var parsed = SmsContent.Parse(body, headers.TryGetValue("Content-Type", out var ct) ? ct : null);
            result.Add(new ReceivedSms
            {
                Id = item["id"]?.GetValue<long>() ?? result.Count + 1,
                Method = item["method"]?.ToString() ?? string.Empty,
                Path = item["path"]?.ToString() ?? string.Empty,
                Headers = headers,
                Body = body,
                Parsed = parsed,
                Code = SmsContent.Code(parsed, body),
            });
        }

        return result;
    }

    private static string Shorten(string body) => body.Length <= 120 ? body.ReplaceLineEndings(" ") : body[..120].ReplaceLineEndings(" ") + "…";
}
