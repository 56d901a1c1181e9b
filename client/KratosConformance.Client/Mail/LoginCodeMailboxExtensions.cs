using System.Diagnostics;
using KratosConformance.Client.Versions;

namespace KratosConformance.Client.Mail;

/// <summary>"Wait for the login-code mail to this address and give me the code", the one mail question the suites ask.</summary>
public static class LoginCodeMailboxExtensions
{
    /// <summary>
    /// Waits until <paramref name="nth"/> (1-based) login-code mails of <paramref name="version"/>'s template reached
    /// <paramref name="recipient"/> and returns the nth, oldest first. Other mails (verification, another version's
    /// template) are skipped, and listed with the reason if the wait times out.
    /// </summary>
    public static async Task<LoginCodeMail> WaitForLoginCodeAsync(
        this IMailboxReader reader,
        string recipient,
        int nth,
        KratosVersion version,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        var template = LoginCodeTemplates.For(version);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<ReceivedMail> seen = [];
        var tries = 0;
        while (true)
        {
            // The reader's own wait (event-driven or 50 ms polls) does the polling; ask it for one mail more than
            // seen until enough of them are login-code mails. One deadline covers all rounds.
            var want = Math.Max(nth, seen.Count + 1);
            var left = timeout - clock.Elapsed;
            try
            {
                seen = await reader.WaitForMailsAsync(recipient, want, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                tries++;
            }
            catch (MailWaitTimeoutException e)
            {
                throw TimedOut(reader, recipient, nth, template, clock.Elapsed, tries + e.Tries, e.Seen);
            }

            var codes = seen.Select(m => template.TryExtract(m, out var c) ? c : null).OfType<LoginCodeMail>().ToList();
            if (codes.Count >= nth)
            {
                return codes[nth - 1];
            }
        }
    }

    private static MailWaitTimeoutException TimedOut(IMailboxReader reader, string recipient, int nth, LoginCodeTemplate template, TimeSpan waited, int tries, IReadOnlyList<ReceivedMail> seen)
    {
        var codes = seen.Count(m => template.TryExtract(m, out _));
        var message = $"Expected login-code mail #{nth} ({template.Name}) to {recipient} within {waited.TotalMilliseconds:0} ms ({tries} tries, {reader.Description}), "
            + $"but found {codes} login-code mail(s) among {seen.Count} mail(s).";
        if (seen.Count == 0)
        {
            message += " The mailbox held no mail for this address: check courier.smtp.connection_uri, that Kratos runs with --watch-courier, and the Kratos log.";
        }
        else
        {
            var lines = seen.Select(m => template.TryExtract(m, out _)
                ? $"  - {m.ReceivedAt:HH:mm:ss.fff} subject=\"{m.Subject}\" (a login-code mail)"
                : $"  - {m.ReceivedAt:HH:mm:ss.fff} subject=\"{m.Subject}\" (not a login-code mail: {LoginCodeNotFoundException.Why(template, m)})");
            message += Environment.NewLine + string.Join(Environment.NewLine, lines);
        }

        return new MailWaitTimeoutException(message, recipient, nth, waited, tries, seen);
    }
}
