using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>The deadlines of one look at a mailbox, derived from the run's <see cref="Patience"/>.</summary>
internal static class MailboxDeadlines
{
    /// <summary>30 s for one request or one IMAP/POP3 round: a local sink answers in milliseconds, a loaded CI runner in seconds.</summary>
    public static Deadline Request(Patience? patience) => (patience ?? Patience.Default).For("mail sink request", TimeSpan.FromSeconds(30));
}
