namespace KratosConformance.Client.Waiting;

/// <summary>
/// One operation run under a <see cref="Deadline"/> (<see cref="Deadline.RunAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>)
/// did not finish in time. The message names the operation, the deadline and the setting that raises it.
/// </summary>
public sealed class DeadlineExpiredException : TimeoutException
{
    public DeadlineExpiredException(string what, Deadline deadline, Exception innerException)
        : base($"{what} did not finish within {deadline?.Expired}.", innerException)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        What = what;
        Deadline = deadline;
    }

    /// <summary>The operation that did not finish, e.g. "GET /self-service/login/flows?id=…".</summary>
    public string What { get; }

    public Deadline Deadline { get; }
}
