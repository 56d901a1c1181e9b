using System.Runtime.InteropServices;
using KratosConformance.Cli.Errors;

namespace KratosConformance.Cli.Signals;

/// <summary>A signal that asks kc to stop, with the exit code and the name reports give it.</summary>
public sealed record StopSignal(PosixSignal Signal)
{
    /// <summary>"SIGINT" | "SIGTERM": results.json's run.interruption.</summary>
    public string Name => Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";

    /// <summary>130 for SIGINT, 143 for SIGTERM (128 + the signal's number, as shells report it).</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
}
