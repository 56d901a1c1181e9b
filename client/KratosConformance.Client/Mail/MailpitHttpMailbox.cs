using System.Collections.Concurrent;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads Mailpit over its REST API (v1.30): <c>GET /api/v1/search?query=to:"addr"</c>, then
/// <c>GET /api/v1/message/{ID}</c> for the bodies. Polled at 50 ms; Mailpit's websocket is not used because a
/// search per tick costs about a millisecond on loopback.
/// </summary>
public sealed class MailpitHttpMailbox : HttpMailbox
{
    private readonly ConcurrentDictionary<string, ReceivedMail> _fetched = new();

    /// <param name="baseUrl">Mailpit's web root, e.g. http://127.0.0.1:8025/.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    /// <param name="patience">Scales the request deadline.</param>
    public MailpitHttpMailbox(Uri baseUrl, HttpClient? httpClient = null, Patience? patience = null)
        : base(baseUrl, httpClient, patience)
    {
    }

    public override string Description => $"Mailpit over HTTP at {BaseUrl.Authority}";

    public override async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        // Kratos lower-cases addresses (spec §2.8), so the search asks for the normal form; the exact match below ignores case.
        var query = Uri.EscapeDataString($"to:\"{recipient.Trim().ToLowerInvariant()}\"");
        var url = new Uri(BaseUrl, $"api/v1/search?query={query}&start=0&limit=1000");
        var result = await GetJsonAsync<SearchResult>(url, cancellationToken).ConfigureAwait(false);

        var mails = new List<ReceivedMail>();
        foreach (var summary in result.Messages.Where(s => s.To.Any(a => string.Equals(a.Address, recipient.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            mails.Add(await GetAsync(summary, cancellationToken).ConfigureAwait(false));
        }

        // Search returns newest first.
        return MailWait.OldestFirst(mails);
    }

    private async Task<ReceivedMail> GetAsync(Summary summary, CancellationToken cancellationToken)
    {
        if (_fetched.TryGetValue(summary.Id, out var known))
        {
            return known;
        }

        var url = new Uri(BaseUrl, $"api/v1/message/{Uri.EscapeDataString(summary.Id)}");
        var message = await GetJsonAsync<Message>(url, cancellationToken).ConfigureAwait(false);
        var mail = new ReceivedMail(
            summary.Id,
            string.IsNullOrEmpty(message.MessageId) ? null : message.MessageId,
            message.From?.Address ?? string.Empty,
            (message.To ?? summary.To).Select(a => a.Address).ToList(),
            message.Subject ?? string.Empty,
            string.IsNullOrEmpty(message.Text) ? MimeMail.StripHtml(message.Html) : message.Text,
            string.IsNullOrEmpty(message.Html) ? null : message.Html,
            summary.Created)
        {
            Parts = new MailParts(!string.IsNullOrEmpty(message.Text), !string.IsNullOrEmpty(message.Html)),
            FromName = message.From?.Name ?? string.Empty,
        };
        return _fetched.GetOrAdd(summary.Id, mail);
    }

    private sealed record SearchResult(List<Summary> Messages);

    private sealed record Summary(string Id, List<MailpitAddress> To, DateTimeOffset Created);

    private sealed record Message(string? MessageId, MailpitAddress? From, List<MailpitAddress>? To, string? Subject, string? Text, string? Html);

    private sealed record MailpitAddress(string? Name, string Address);
}
