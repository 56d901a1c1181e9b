using System.Globalization;

namespace KratosConformance.Client.Mail;

/// <summary>
/// One message in Kratos's courier queue as <c>GET /admin/courier/messages</c> shows it (OpenAPI schema
/// <c>message</c>, courier/message.go). Only <see cref="Sent"/> means the recipient can read it: Kratos sets
/// <c>sent</c> after the channel accepted it (courier/courier_dispatcher.go DispatchMessage); <c>queued</c> and
/// <c>processing</c> may still become <c>sent</c>; <c>abandoned</c> is final (set once send_count passed
/// courier.message_retries, and the queue only ever picks queued messages: persister_courier.go NextMessages).
/// </summary>
public sealed record CourierMessage(
    string Id,
    string Status,
    string Recipient,
    string? Subject,
    string? Body,
    string? TemplateType,
    int SendCount,
    DateTimeOffset CreatedAt)
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Sent = "sent";
    public const string Abandoned = "abandoned";

    /// <summary>The error of the last failed dispatch (a herodot error's message or reason), when Kratos recorded one.</summary>
    public string? LastError { get; init; }

    public bool IsSent => Status == Sent;

    /// <summary>Not abandoned: the recipient has it (sent) or may still get it (queued, processing).</summary>
    public bool CanStillArrive => Status != Abandoned;

    /// <summary>"10:00:00.000 status=abandoned send_count=5 template=login_code_valid last error: dial tcp …: connection refused".</summary>
    public string Describe()
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{CreatedAt:HH:mm:ss.fff} status={Status} send_count={SendCount}");
        if (TemplateType is not null)
        {
            line += " template=" + TemplateType;
        }

        if (Subject is not null && Subject != CourierMessagesRedactedException.RedactedMarker)
        {
            line += $" subject=\"{Subject}\"";
        }

        return LastError is null ? line : line + " last error: " + LastError;
    }
}
