using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads MailHog over API v2: <c>GET /api/v2/search?kind=to&amp;query=addr</c>. Each item carries the raw message
/// (<c>Raw.Data</c>), which MimeKit decodes; MailHog's own <c>Content.Body</c> keeps the transfer encoding. Polled at 50 ms.
/// </summary>
public sealed class MailHogHttpMailbox : HttpMailbox
{
    /// <param name="baseUrl">MailHog's API root, e.g. http://127.0.0.1:8025/.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    /// <param name="patience">Scales the request deadline.</param>
    public MailHogHttpMailbox(Uri baseUrl, HttpClient? httpClient = null, Patience? patience = null)
        : base(baseUrl, httpClient, patience)
    {
    }

    public override string Description => $"MailHog over HTTP at {BaseUrl.Authority}";

    public override async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var url = new Uri(BaseUrl, $"api/v2/search?kind=to&query={Uri.EscapeDataString(recipient.Trim().ToLowerInvariant())}&start=0&limit=1000");
        var result = await GetJsonAsync<SearchResult>(url, cancellationToken).ConfigureAwait(false);

        var mails = result.Items
            .Where(i => !string.IsNullOrEmpty(i.Raw?.Data))
            .Select(i => MimeMail.ToReceivedMail(i.Id, MimeMail.Parse(i.Raw!.Data!), i.Created));
        return MailWait.OldestFirst(MailAddresses.For(mails, recipient));
    }

    private sealed record SearchResult(List<Item> Items);

    private sealed record Item(string Id, DateTimeOffset Created, Raw? Raw);

    private sealed record Raw(string? Data);
}
