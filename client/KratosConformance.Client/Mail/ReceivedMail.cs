namespace KratosConformance.Client.Mail;

/// <summary>A mail as the sink holds it. <see cref="TextBody"/> is the text/plain part (HTML stripped if only HTML).</summary>
public sealed record ReceivedMail(
    string Id,
    string? MessageId,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The body parts the mail carried: a text/plain and a text/html part. Null when the reader does not see them
    /// (Kratos's courier API keeps one body per message).
    /// </summary>
    public MailParts? Parts { get; init; }

    /// <summary>
    /// The display name of the From header ("" when the header is the bare address). Null when the reader does not see
    /// the header (Kratos's courier API stores no sender).
    /// </summary>
    public string? FromName { get; init; }

    /// <summary>
    /// The mail as a reader that gets the MIME source sees it (IMAP, POP3, MailHog, smtp4dev's source, an in-process
    /// sink): the text/plain part (or the HTML stripped), the HTML part, the header addresses.
    /// </summary>
    public static ReceivedMail FromMime(string id, MimeKit.MimeMessage message, DateTimeOffset receivedAt) =>
        MimeMail.ToReceivedMail(id, message ?? throw new ArgumentNullException(nameof(message)), receivedAt);
}
