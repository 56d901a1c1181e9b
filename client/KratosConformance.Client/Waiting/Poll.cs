using System.Diagnostics;

namespace KratosConformance.Client.Waiting;

/// <summary>
/// The one polling helper (style.md principle 4): every wait has a deadline, counts its tries and remembers the last
/// thing it saw, so its failure can say what it waited for and what it found instead. No fixed sleeps anywhere else.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(1);

    /// <summary>Probes until <paramref name="isDone"/> holds; at the deadline throws <see cref="PollTimeoutException"/> naming the last value seen.</summary>
    public static Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> isDone,
        PollOptions options,
        CancellationToken cancellationToken = default) =>
        UntilAsync(
            probe,
            isDone,
            options,
            t => new PollTimeoutException(t.WaitingFor, t.Deadline, t.Waited, t.Tries, t.HasLast ? t.Last?.ToString() ?? "null" : "nothing (no probe completed)"),
            cancellationToken);

    /// <summary>Probes until <paramref name="isDone"/> holds; at the deadline throws what <paramref name="onTimeout"/> builds.</summary>
    /// <remarks>
    /// The probe always runs at least once and once more at the deadline, so a slow probe cannot make a wait fail
    /// without having looked. Exceptions from the probe propagate: a broken probe is a finding, not something to wait
    /// out, and a probe that knows the awaited thing will never come (e.g. Kratos queued no mail) ends the wait at once
    /// by throwing.
    /// </remarks>
    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> isDone,
        PollOptions options,
        Func<PollTimeout<T>, Exception> onTimeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(isDone);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onTimeout);

        var clock = Stopwatch.StartNew();
        var tries = 0;
        while (true)
        {
            var change = options.NextChange?.Invoke();
            var last = await probe(cancellationToken).ConfigureAwait(false);
            tries++;
            if (isDone(last))
            {
                return last;
            }

            var left = options.Deadline.Limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw onTimeout(new PollTimeout<T>(options.WaitingFor, options.Deadline, clock.Elapsed, tries, true, last));
            }

            // At least a millisecond: Task.Delay rounds shorter pauses to zero, which turned the last moment before the
            // deadline into a busy loop of probes (seen as a flaky PollTests run: a thousand probes in under 1 ms).
            var pause = left < options.Interval ? left : options.Interval;
            await PauseAsync(change, pause < MinimumPause ? MinimumPause : pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task PauseAsync(Task? change, TimeSpan pause, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pause, stop.Token);
        if (change is not null)
        {
            await Task.WhenAny(change, delay).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAny(delay).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
