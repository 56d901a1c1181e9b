namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads the mails Kratos's courier sent. Tests are isolated by recipient: every read is filtered by the address of
/// the test's own identity, so readers can be shared by tests running in parallel.
/// </summary>
public interface IMailboxReader : IAsyncDisposable
{
    /// <summary>How the mailbox is read, for reports and messages: "smtp4dev over IMAP at 127.0.0.1:1143".</summary>
    string Description { get; }

    /// <summary>Every mail currently in the mailbox for <paramref name="recipient"/>, oldest first.</summary>
    Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until at least <paramref name="count"/> mails to <paramref name="recipient"/> are in the mailbox and
    /// returns them all, oldest first. Throws <see cref="MailWaitTimeoutException"/> at the deadline, listing what
    /// the mailbox did contain.
    /// </summary>
    Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(string recipient, int count, TimeSpan timeout, CancellationToken cancellationToken = default);
}
