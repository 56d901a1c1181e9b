namespace KratosConformance.Client.Mail;

/// <summary>
/// Kratos's courier queue shows the wanted mail can not come: fewer messages to the address than needed were queued,
/// or the missing ones were abandoned. Both are final (docs/kratos-facts.md), so the wait reports it at once instead
/// of waiting out its deadline.
/// </summary>
public sealed class MailWillNotArriveException : MailWaitException
{
    internal MailWillNotArriveException(MailWaitFacts facts)
        : base(HeadlineOf(facts), facts.Wanted.Description, FindingOf(facts), " Reported at once, without waiting out the deadline.", facts)
    {
    }

    private static string HeadlineOf(MailWaitFacts facts) =>
        facts.Courier!.Any(m => !m.CanStillArrive)
            ? $"{facts.Wanted.ShortName} abandoned by Kratos's courier"
            : $"Kratos queued no message for {facts.Wanted.ShortName}";

    private static string FindingOf(MailWaitFacts facts)
    {
        var courier = facts.Courier!;
        var abandoned = courier.Count(m => !m.CanStillArrive);
        return abandoned == 0
            ? $"Kratos queued only {courier.Count} message(s) to {facts.Wanted.Recipient}, so mail #{facts.Wanted.Count} was never sent "
                + "(Kratos queues a code's message before it answers the request that sends the code; waiting can not help)"
            : $"Kratos's courier abandoned {abandoned} of the {courier.Count} message(s) to {facts.Wanted.Recipient} "
                + $"(abandoned is final; the last error is listed below), so only {courier.Count - abandoned} can still arrive";
    }
}
