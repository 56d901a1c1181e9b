using System.Runtime.InteropServices;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;

namespace KratosConformance.Cli.Signals;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation every command observes, instead of the runtime's default of ending
/// the process at once (which left a report saying PASSED for a run that was killed). The first signal cancels
/// <see cref="Token"/>; if the command has not returned when <see cref="Grace"/> expires, the containers of this
/// session are removed and the process ends with the signal's exit code, so a stop never hangs. Later signals are
/// ignored: a terminal's Ctrl-C reaches kc twice (directly and forwarded by ./kc).
/// </summary>
public sealed class SignalListener : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly TextWriter _log;
    private StopSignal? _received;

    private SignalListener(TextWriter log)
    {
        _log = log;
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that stopped kc, or null.</summary>
    public StopSignal? Received => Volatile.Read(ref _received);

    /// <summary>
    /// How long a command may take to wind down after the signal (stop the suites, write the reports) before the
    /// process is ended. Commands that know the run's patience replace it.
    /// </summary>
    public Deadline Grace { get; set; } = Patience.Default.For("stop after a signal", TimeSpan.FromSeconds(4.5));

    /// <summary>
    /// True for commands whose normal end is a signal (a server in the foreground): they keep their own exit code and
    /// the stop is not announced as an interruption.
    /// </summary>
    public bool SignalIsNormalStop { get; set; }

    public static SignalListener Install(TextWriter log) => new(log ?? throw new ArgumentNullException(nameof(log)));

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var signal = new StopSignal(context.Signal);
        if (Interlocked.CompareExchange(ref _received, signal, null) is not null)
        {
            return;
        }

        if (!SignalIsNormalStop)
        {
            _log.WriteLine($"kc: {signal.Name} received: stopping (a run reports its unfinished tests as interrupted) …");
        }

        var grace = Grace;
        // Off the signal thread: cancellation callbacks may block, and the watchdog waits out the grace.
        _ = Task.Run(() => _stop.Cancel(), CancellationToken.None);
        _ = Task.Run(() => EndAfterGraceAsync(signal, grace), CancellationToken.None);
    }

    private async Task EndAfterGraceAsync(StopSignal signal, Deadline grace)
    {
        await Task.Delay(grace.Limit, CancellationToken.None).ConfigureAwait(false);
        await _log.WriteLineAsync($"kc: still stopping after {grace.Expired}: ending now with exit {signal.ExitCode}.").ConfigureAwait(false);
        using var cleanup = new CancellationTokenSource(grace.Limit);
        try
        {
            await SessionCleanup.DisposeAllAsync(cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException or HttpRequestException)
        {
            await _log.WriteLineAsync($"kc: cleanup after {signal.Name} incomplete: {e.Message}").ConfigureAwait(false);
        }

        Environment.Exit(signal.ExitCode);
    }
}
