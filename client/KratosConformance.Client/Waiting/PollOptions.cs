namespace KratosConformance.Client.Waiting;

/// <summary>
/// What <see cref="Poll"/> waits for, until which <see cref="Waiting.Deadline"/>, and how often it looks.
/// <see cref="NextChange"/> makes a wait event-driven: it is asked for a task BEFORE each probe, and a completed task
/// ends the pause early, so a change that happens while a probe runs is never missed; <see cref="Interval"/> then only
/// bounds the delay if an event is lost.
/// </summary>
public sealed record PollOptions(string WaitingFor, Deadline Deadline)
{
    /// <summary>50 ms: mail arrival must be noticed fast (issue 4), and a local probe costs about a millisecond.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Returns a task that completes at the next change of whatever is probed; null polls on the interval only.</summary>
    public Func<Task>? NextChange { get; init; }
}
