namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads the mails Kratos's courier sent, as the recipient could read them: a reader lists only mail that was really
/// delivered. Tests are isolated by recipient: every read is filtered by the address of the test's own identity, so
/// readers can be shared by tests running in parallel. Waiting is not the reader's business: <see cref="MailWait"/> is
/// the one wait, built on <see cref="ListAsync"/> and paced by <see cref="PaceAsync"/>.
/// </summary>
public interface IMailboxReader : IAsyncDisposable
{
    /// <summary>How the mailbox is read, for reports and messages: "smtp4dev over IMAP at 127.0.0.1:1143".</summary>
    string Description { get; }

    /// <summary>Every mail delivered to <paramref name="recipient"/> that is in the mailbox now, oldest first.</summary>
    Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default);

    /// <summary>
    /// How a wait should pace its looks at this mailbox: how often, and (where the sink pushes notifications) what
    /// wakes it early. Called once per wait, so a reader can connect its notification channel lazily.
    /// </summary>
    ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default);
}
