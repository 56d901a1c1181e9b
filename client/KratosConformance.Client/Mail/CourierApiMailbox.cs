using System.Net.Http.Json;
using System.Text.Json;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads the mails Kratos queued, from its admin API (<c>GET /admin/courier/messages?recipient=</c>, spec §5.6). It
/// needs no mail sink, but subject and body are only present when Kratos runs with --dev; otherwise every read throws
/// <see cref="CourierMessagesRedactedException"/>. Only the plaintext body is kept by Kratos, so HtmlBody is null.
/// </summary>
public sealed class CourierApiMailbox : HttpMailbox
{

    /// <param name="adminUrl">Kratos's admin base URL, e.g. http://127.0.0.1:4434/ (a trailing /admin is accepted too).</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    public CourierApiMailbox(Uri adminUrl, HttpClient? httpClient = null)
        : base(AdminRoot(adminUrl), httpClient)
    {
    }

    /// <summary>The admin base URL (paths below start with admin/).</summary>
    public Uri AdminUrl => BaseUrl;

    public override string Description => $"Kratos courier admin API at {AdminUrl.Authority}";

    public override async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var url = new Uri(AdminUrl, $"admin/courier/messages?recipient={Uri.EscapeDataString(recipient.Trim().ToLowerInvariant())}&page_size=1000");
        var messages = await GetJsonAsync<List<CourierMessage>>(url, cancellationToken).ConfigureAwait(false);

        var emails = messages
            .Where(m => string.Equals(m.Type, "email", StringComparison.OrdinalIgnoreCase) || m.Type is null)
            .Where(m => string.Equals(m.Recipient?.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (emails.Any(m => m.Subject == CourierMessagesRedactedException.RedactedMarker || m.Body == CourierMessagesRedactedException.RedactedMarker))
        {
            throw new CourierMessagesRedactedException(recipient, AdminUrl.AbsoluteUri);
        }

        // Kratos lists newest first.
        return MailWait.OldestFirst(emails.Select(m => new ReceivedMail(
            m.Id,
            null,
            string.Empty,
            [m.Recipient!.Trim()],
            m.Subject ?? string.Empty,
            m.Body ?? string.Empty,
            null,
            m.CreatedAt)));
    }

    private static Uri AdminRoot(Uri adminUrl)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        var root = adminUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root.EndsWith("/admin", StringComparison.OrdinalIgnoreCase) ? root[..^"/admin".Length] + "/" : root + "/");
    }

    private sealed record CourierMessage(
        string Id,
        string? Status,
        string? Type,
        string? Recipient,
        string? Subject,
        string? Body,
        [property: System.Text.Json.Serialization.JsonPropertyName("template_type")] string? TemplateType,
        [property: System.Text.Json.Serialization.JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
}
