using KratosConformance.Client.Mail;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>A mailbox that always holds the same mails: for the wait's decisions, without a sink or a clock.</summary>
internal sealed class FixedMailbox(params ReceivedMail[] mails) : IMailboxReader
{
    private int _looks;

    public string Description => "a fixed test mailbox";

    /// <summary>How often the wait looked.</summary>
    public int Looks => Volatile.Read(ref _looks);

    public Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _looks);
        return Task.FromResult<IReadOnlyList<ReceivedMail>>(mails.Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList());
    }

    public ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(MailboxPace.Polled);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
