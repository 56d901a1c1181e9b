using System.Globalization;

namespace KratosConformance.Client.Waiting;

/// <summary>
/// A named limit derived from <see cref="Waiting.Patience"/>. When it expires, its <see cref="Expired"/> text names
/// the deadline, its length and the setting that raises it, so "timed out" is never the whole story.
/// </summary>
public sealed record Deadline(string Name, TimeSpan Limit, Patience Patience)
{
    /// <summary>"the login-code mail deadline (10 s at patience 1; raise it with --patience 2 (or KC_PATIENCE=2))".</summary>
    public string Expired =>
        $"the {Name} deadline ({Seconds(Limit)} at patience {Patience}; raise it with {Patience.HowToRaise})";

    /// <summary>A deadline not tied to a run's settings, for self-tests and tools: patience 1.</summary>
    public static Deadline Fixed(string name, TimeSpan limit) => new(name, limit, Patience.Default);

    /// <summary>
    /// Runs one operation (a request, a process stop) under this deadline: its token is cancelled when the deadline
    /// passes, and the cancellation surfaces as <see cref="DeadlineExpiredException"/> naming <paramref name="what"/>
    /// and this deadline. Cancellation by <paramref name="cancellationToken"/> stays an OperationCanceledException.
    /// </summary>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            return await operation(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DeadlineExpiredException(what, this, e);
        }
    }

    /// <inheritdoc cref="RunAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public Task RunAsync(string what, Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(
            what,
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private static string Seconds(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
