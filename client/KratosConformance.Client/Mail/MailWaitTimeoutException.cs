namespace KratosConformance.Client.Mail;

/// <summary>No (or not enough) mail arrived before the deadline. The message lists what the mailbox held instead.</summary>
public sealed class MailWaitTimeoutException : Exception
{
    public MailWaitTimeoutException(string recipient, int expectedCount, TimeSpan waited, int tries, string reader, IReadOnlyList<ReceivedMail> seen)
        : base(Describe(recipient, expectedCount, waited, tries, reader, seen))
    {
        Recipient = recipient;
        ExpectedCount = expectedCount;
        Waited = waited;
        Tries = tries;
        Seen = seen;
    }

    public MailWaitTimeoutException()
        : this(string.Empty, 0, TimeSpan.Zero, 0, string.Empty, [])
    {
    }

    public MailWaitTimeoutException(string message)
        : base(message)
    {
        Recipient = string.Empty;
        Seen = [];
    }

    public MailWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        Recipient = string.Empty;
        Seen = [];
    }

    /// <summary>For waits that need their own headline (e.g. "login-code mail #2"); still carries the data.</summary>
    public MailWaitTimeoutException(string message, string recipient, int expectedCount, TimeSpan waited, int tries, IReadOnlyList<ReceivedMail> seen)
        : base(message)
    {
        Recipient = recipient;
        ExpectedCount = expectedCount;
        Waited = waited;
        Tries = tries;
        Seen = seen;
    }

    public string Recipient { get; }
    public int ExpectedCount { get; }
    public TimeSpan Waited { get; }
    public int Tries { get; }
    /// <summary>Mails to the recipient found at the last try.</summary>
    public IReadOnlyList<ReceivedMail> Seen { get; }

    private static string Describe(string recipient, int expectedCount, TimeSpan waited, int tries, string reader, IReadOnlyList<ReceivedMail> seen)
    {
        var head = $"Expected {expectedCount} mail(s) to {recipient} within {waited.TotalMilliseconds:0} ms ({tries} tries, {reader}), but found {seen.Count}.";
        if (seen.Count == 0)
        {
            return head + " The mailbox held no mail for this address: check courier.smtp.connection_uri, that Kratos runs with --watch-courier, and the Kratos log.";
        }

        return head + Environment.NewLine + ListMails(seen);
    }

    /// <summary>One line per mail: time, recipients, subject. Shared so every mail timeout lists mail the same way.</summary>
    internal static string ListMails(IEnumerable<ReceivedMail> seen) =>
        string.Join(Environment.NewLine, seen.Select(m => $"  - {m.ReceivedAt:HH:mm:ss.fff} to={string.Join(",", m.To)} subject=\"{m.Subject}\""));
}
