using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// How often <see cref="MailWait"/> looks at a mailbox and what wakes it early: a sink that pushes notifications
/// (smtp4dev's SignalR hub) gives <see cref="NextChange"/> and a slow fallback interval; the others are polled.
/// </summary>
public sealed record MailboxPace(TimeSpan Interval, Func<Task>? NextChange = null)
{
    /// <summary>50 ms polls: a local list request costs about a millisecond.</summary>
    public static MailboxPace Polled { get; } = new(PollOptions.DefaultInterval);
}
