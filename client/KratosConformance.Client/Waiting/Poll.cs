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
        ArgumentNullException.ThrowIfNull(onTimeout);
        var seen = await LookAsync(probe, isDone, options, cancellationToken).ConfigureAwait(false);
        return seen.Done ? seen.Last : throw onTimeout(new PollTimeout<T>(options.WaitingFor, options.Deadline, seen.Waited, seen.Tries, true, seen.Last));
    }

    /// <summary>
    /// Probes for the whole of <paramref name="options"/>' deadline, the window, and returns the last value seen: the
    /// first one for which <paramref name="holds"/> failed (at once), or the one at the window's end. The wait that
    /// proves something did NOT happen over a window (no further mail while Kratos's courier could still send one):
    /// the window's end is its success, never a timeout, and the caller's check judges the value it returns.
    /// </summary>
    /// <remarks>As with <see cref="UntilAsync{T}(Func{CancellationToken, Task{T}}, Func{T, bool}, PollOptions, CancellationToken)"/>,
    /// the probe runs at the start and once more at the window's end, and <see cref="PollOptions.NextChange"/> wakes it early.</remarks>
    public static async Task<T> WhileAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> holds,
        PollOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holds);
        return (await LookAsync(probe, v => !holds(v), options, cancellationToken).ConfigureAwait(false)).Last;
    }

    /// <summary>The loop both waits share: probes until <paramref name="isDone"/> or the deadline, whichever is first.</summary>
    private static async Task<(T Last, bool Done, TimeSpan Waited, int Tries)> LookAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> isDone,
        PollOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(isDone);
        ArgumentNullException.ThrowIfNull(options);

        var clock = Stopwatch.StartNew();
        var tries = 0;
        while (true)
        {
            var change = options.NextChange?.Invoke();
            var last = await probe(cancellationToken).ConfigureAwait(false);
            tries++;
            if (isDone(last))
            {
                return (last, true, clock.Elapsed, tries);
            }

            var left = options.Deadline.Limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return (last, false, clock.Elapsed, tries);
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
