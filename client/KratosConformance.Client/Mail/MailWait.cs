using System.Diagnostics;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// The one mail wait: a single <see cref="Poll"/> whose probe lists the recipient's mail and extracts the login codes.
/// It ends as soon as the answer is known: the wanted mail is there; a mail that is not in the version's template
/// arrived (<see cref="LoginCodeNotFoundException"/>); Kratos's courier shows the mail can not come
/// (<see cref="MailWillNotArriveException"/>); or the deadline passed (<see cref="MailWaitTimeoutException"/>).
/// </summary>
public static class MailWait
{
    /// <summary>
    /// Waits until the <paramref name="nth"/> (1-based) login-code mail of <paramref name="version"/>'s template
    /// reached <paramref name="recipient"/> and returns it, oldest first. With <paramref name="courier"/> (the
    /// deployment's admin API), a mail Kratos never queued or abandoned is reported at once; start the wait only after
    /// the request that sends the code has answered, which is when Kratos guarantees the message is queued.
    /// </summary>
    public static async Task<LoginCodeMail> WaitForLoginCodeAsync(
        this IMailboxReader reader,
        string recipient,
        int nth,
        KratosVersion version,
        Deadline deadline,
        KratosCourier? courier = null,
        CancellationToken cancellationToken = default)
    {
        var look = await UntilAsync(reader, WantedMail.LoginCode(recipient, nth, LoginCodeTemplates.For(version)), deadline, courier, cancellationToken).ConfigureAwait(false);
        return look.Codes[nth - 1];
    }

    /// <summary>
    /// Waits until <paramref name="count"/> mails of any kind reached <paramref name="recipient"/> and returns them
    /// all, oldest first: for checks of the mail itself, where a template mismatch is the check's to report.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(
        this IMailboxReader reader,
        string recipient,
        int count,
        Deadline deadline,
        KratosCourier? courier = null,
        CancellationToken cancellationToken = default)
    {
        var look = await UntilAsync(reader, WantedMail.Any(recipient, count), deadline, courier, cancellationToken).ConfigureAwait(false);
        return look.Mails;
    }

    /// <summary>
    /// Every mail to <paramref name="recipient"/> once no further one can still be on its way: the mailbox is watched
    /// for the whole <paramref name="window"/> (the deployment's courier interval and the sink's delivery, see
    /// <see cref="Scenarios.CodeLoginDriver.QuietWindow"/>), and the watch ends early once it holds more than
    /// <paramref name="atMost"/>. For "no more mail" checks: a list read right after the awaited mail would pass
    /// before a stray mail that Kratos's courier sends on its next poll. Judging the list is the caller's.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedMail>> SettledAsync(
        this IMailboxReader reader,
        string recipient,
        int atMost,
        Deadline window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(window);
        var pace = await reader.PaceAsync(cancellationToken).ConfigureAwait(false);
        return await Poll.WhileAsync(
            ct => reader.ListAsync(recipient, ct),
            mails => mails.Count <= atMost,
            new PollOptions($"no more than {atMost} mail(s) to {recipient}", window) { Interval = pace.Interval, NextChange = pace.NextChange },
            cancellationToken).ConfigureAwait(false);
    }

    internal static IReadOnlyList<ReceivedMail> OldestFirst(IEnumerable<ReceivedMail> mails) =>
        mails.OrderBy(m => m.ReceivedAt).ToList();

    private static async Task<MailboxLook> UntilAsync(IMailboxReader reader, WantedMail wanted, Deadline deadline, KratosCourier? courier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deadline);
        // A courier reader is its own queue: it lists only sent messages, the queue says what became of the rest.
        courier ??= (reader as CourierApiMailbox)?.Courier;
        var pace = await reader.PaceAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var tries = 0;
        return await Poll.UntilAsync(
            async ct =>
            {
                var look = MailboxLook.Of(wanted, await reader.ListAsync(wanted.Recipient, ct).ConfigureAwait(false));
                tries++;
                if (look.Stray is { } stray)
                {
                    throw new LoginCodeNotFoundException(look.Facts(reader, tries, clock.Elapsed), wanted.Template!, stray);
                }

                if (look.Satisfied || courier is null)
                {
                    return look;
                }

                look = await look.WithCourierAsync(courier, ct).ConfigureAwait(false);
                if (look.Courier is { } queue && queue.Count(m => m.CanStillArrive) < wanted.Count)
                {
                    throw new MailWillNotArriveException(look.Facts(reader, tries, clock.Elapsed));
                }

                return look;
            },
            look => look.Satisfied,
            new PollOptions(wanted.Description, deadline) { Interval = pace.Interval, NextChange = pace.NextChange },
            t => new MailWaitTimeoutException((t.Last ?? MailboxLook.Of(wanted, [])).Facts(reader, t.Tries, t.Waited), t.Deadline),
            cancellationToken).ConfigureAwait(false);
    }
}
