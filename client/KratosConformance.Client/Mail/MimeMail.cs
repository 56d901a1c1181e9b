using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace KratosConformance.Client.Mail;

/// <summary>Builds <see cref="ReceivedMail"/> from a parsed MIME message: readers that get raw MIME (IMAP, POP3, MailHog) share it.</summary>
internal static partial class MimeMail
{
    public static ReceivedMail ToReceivedMail(string id, MimeMessage message, DateTimeOffset receivedAt)
    {
        var html = message.HtmlBody;
        return new ReceivedMail(
            id,
            message.MessageId,
            message.From.Mailboxes.FirstOrDefault()?.Address ?? message.From.ToString(),
            message.To.Mailboxes.Select(m => m.Address).ToList(),
            message.Subject ?? string.Empty,
            message.TextBody ?? StripHtml(html),
            html,
            receivedAt)
        {
            Parts = new MailParts(message.TextBody is not null, html is not null),
            FromName = message.From.Mailboxes.FirstOrDefault()?.Name ?? string.Empty,
        };
    }

    public static MimeMessage Parse(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return MimeMessage.Load(stream);
    }

    /// <summary>Good enough to find a code in an HTML-only mail; not a renderer.</summary>
    public static string StripHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/tr|/h\d)\s*/?\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
