namespace KratosConformance.Client.Mail;

/// <summary>
/// Turns push notifications (SignalR, IMAP IDLE) into something <see cref="Waiting.Poll"/> can await: each
/// <see cref="Next"/> call returns the task the next <see cref="Pulse"/> completes.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = New();

    public Task Next() => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    // Continuations must not run inline on the notifying thread (SignalR's receive loop).
    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
