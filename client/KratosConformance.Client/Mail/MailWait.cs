using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>The wait every reader offers, on top of its own ListAsync, so each reader's timeout reads the same.</summary>
internal static class MailWait
{
    public static async Task<IReadOnlyList<ReceivedMail>> ForMailsAsync(
        IMailboxReader reader,
        string recipient,
        int count,
        TimeSpan timeout,
        TimeSpan interval,
        Func<Task>? nextChange,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var options = new PollOptions($"{count} mail(s) to {recipient}", timeout) { Interval = interval, NextChange = nextChange };
        return await Poll.UntilAsync(
            ct => reader.ListAsync(recipient, ct),
            mails => mails.Count >= count,
            options,
            t => new MailWaitTimeoutException(recipient, count, t.Waited, t.Tries, reader.Description, t.Last ?? []),
            cancellationToken).ConfigureAwait(false);
    }

    public static IReadOnlyList<ReceivedMail> OldestFirst(IEnumerable<ReceivedMail> mails) =>
        mails.OrderBy(m => m.ReceivedAt).ToList();
}
