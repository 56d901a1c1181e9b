using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads the mails Kratos's courier delivered, from its admin API (<see cref="KratosCourier"/>, spec §5.6). It needs
/// no mail sink, but it must not take Kratos's word for more than Kratos says: only messages with status
/// <c>sent</c> are mail the recipient could read; queued, processing and abandoned ones are not listed (a wait
/// reports them with the courier's last error). Subject and body are only present when Kratos runs with --dev;
/// otherwise every read throws <see cref="CourierMessagesRedactedException"/>. Kratos keeps only the plaintext body,
/// so HtmlBody is null.
/// </summary>
public sealed class CourierApiMailbox : IMailboxReader
{
    /// <param name="adminUrl">Kratos's admin base URL, e.g. http://127.0.0.1:4434/ (a trailing /admin is accepted too).</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    /// <param name="patience">Scales the admin request deadline.</param>
    public CourierApiMailbox(Uri adminUrl, HttpClient? httpClient = null, Patience? patience = null)
    {
        Courier = new KratosCourier(adminUrl, httpClient, patience);
    }

    /// <summary>The queue this reader reads; a wait also asks it whether a missing mail can still come.</summary>
    public KratosCourier Courier { get; }

    /// <summary>The admin base URL (paths below start with admin/).</summary>
    public Uri AdminUrl => Courier.AdminUrl;

    public string Description => $"Kratos courier admin API at {AdminUrl.Authority}";

    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var messages = await Courier.ListAsync(recipient, lastErrors: false, cancellationToken).ConfigureAwait(false);
        if (messages.Any(m => m.Subject == CourierMessagesRedactedException.RedactedMarker || m.Body == CourierMessagesRedactedException.RedactedMarker))
        {
            throw new CourierMessagesRedactedException(recipient, AdminUrl.AbsoluteUri);
        }

        return messages
            .Where(m => m.IsSent)
            .Select(m => new ReceivedMail(m.Id, null, string.Empty, [m.Recipient], m.Subject ?? string.Empty, m.Body ?? string.Empty, null, m.CreatedAt))
            .ToList();
    }

    public ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(MailboxPace.Polled);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
