using MimeKit;

namespace KratosConformance.Client.Mail;

/// <summary>Recipient matching shared by every reader: sinks search by substring, tests need an exact, case-insensitive match.</summary>
internal static class MailAddresses
{
    /// <summary>"Alice" &lt;alice@x&gt; → alice@x; anything unparsable is kept trimmed.</summary>
    public static string Bare(string address)
    {
        var text = address.Trim();
        return MailboxAddress.TryParse(text, out var parsed) ? parsed.Address : text;
    }

    public static bool IsAddressedTo(ReceivedMail mail, string recipient) =>
        mail.To.Any(to => string.Equals(Bare(to), recipient.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<ReceivedMail> For(IEnumerable<ReceivedMail> mails, string recipient) =>
        mails.Where(m => IsAddressedTo(m, recipient)).ToList();
}
