using KratosConformance.Cli.Signals;

namespace KratosConformance.Cli.Commands;

/// <summary>Where a command writes and what stops it: the console and the process's signals, or a test's writers.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, SignalListener? Signals)
{
    /// <summary>Cancelled by SIGINT or SIGTERM (never, without a listener).</summary>
    public CancellationToken Token => Signals?.Token ?? CancellationToken.None;

    /// <summary>The exit code of a command the signal stopped: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int InterruptedExitCode => Signals?.Received?.ExitCode ?? Errors.ExitCodes.Interrupted;
}
