namespace KratosConformance.Client.Waiting;

/// <summary>The default failure of <see cref="Poll.UntilAsync{T}(Func{CancellationToken, Task{T}}, Func{T, bool}, PollOptions, CancellationToken)"/>.</summary>
public sealed class PollTimeoutException : TimeoutException
{
    public PollTimeoutException()
    {
        WaitingFor = string.Empty;
    }

    public PollTimeoutException(string message)
        : base(message)
    {
        WaitingFor = string.Empty;
    }

    public PollTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        WaitingFor = string.Empty;
    }

    public PollTimeoutException(string waitingFor, TimeSpan waited, int tries, string lastSeen)
        : base($"Expected {waitingFor} within {waited.TotalMilliseconds:0} ms, but it did not happen after {tries} tries. Last seen: {lastSeen}")
    {
        WaitingFor = waitingFor;
        Waited = waited;
        Tries = tries;
    }

    public string WaitingFor { get; }
    public TimeSpan Waited { get; }
    public int Tries { get; }
}
