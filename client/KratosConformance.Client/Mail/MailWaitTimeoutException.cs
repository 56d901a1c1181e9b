using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// The one mail timeout: the deadline passed and the wanted mail had not arrived, while nothing said it never would.
/// The message names the deadline and the setting that raises it, what was awaited, and every mail seen.
/// </summary>
public sealed class MailWaitTimeoutException : MailWaitException
{
    internal MailWaitTimeoutException(MailWaitFacts facts, Deadline deadline)
        : base(
            $"{facts.Wanted.ShortName} did not arrive",
            $"{facts.Wanted.Description} within {deadline.Expired}",
            FindingOf(facts),
            facts.Seen.Count == 0 ? " Nothing reached the mailbox: check courier.smtp.connection_uri, that Kratos's courier runs (--watch-courier), and the Kratos log." : string.Empty,
            facts)
    {
        Deadline = deadline;
    }

    /// <summary>The deadline that expired.</summary>
    public Deadline Deadline { get; }

    private static string FindingOf(MailWaitFacts facts)
    {
        if (facts.Wanted.Template is not { } template)
        {
            return $"the mailbox held {facts.Seen.Count} mail(s) for the address";
        }

        var codes = facts.Seen.Count(m => template.TryExtract(m, out _));
        return $"the mailbox held {codes} login-code mail(s) among {facts.Seen.Count} mail(s) for the address";
    }
}
