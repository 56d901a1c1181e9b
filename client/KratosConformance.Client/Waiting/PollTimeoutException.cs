using System.Globalization;

namespace KratosConformance.Client.Waiting;

/// <summary>
/// The default failure of <see cref="Poll.UntilAsync{T}(Func{CancellationToken, Task{T}}, Func{T, bool}, PollOptions, CancellationToken)"/>:
/// what was awaited, the deadline that expired (named, with the setting that raises it), the tries and the last value.
/// </summary>
public sealed class PollTimeoutException : TimeoutException
{
    public PollTimeoutException(string waitingFor, Deadline deadline, TimeSpan waited, int tries, string lastSeen)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Expected {waitingFor} within {deadline?.Expired}, but it did not happen after {tries} tries in {waited.TotalMilliseconds:0} ms. Last seen: {lastSeen}"))
    {
        ArgumentNullException.ThrowIfNull(deadline);
        WaitingFor = waitingFor;
        Deadline = deadline;
        Waited = waited;
        Tries = tries;
    }

    public string WaitingFor { get; }
    public Deadline Deadline { get; }
    public TimeSpan Waited { get; }
    public int Tries { get; }
}
