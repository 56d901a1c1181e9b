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
    DateTimeOffset ReceivedAt);
