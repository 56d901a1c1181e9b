using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Processes;

/// <summary>
/// Stops a child process the way a service manager does: SIGTERM first, so it can close its sockets and remove its own
/// files, then SIGKILL (the whole tree) if it has not exited when the given deadline passes.
/// </summary>
internal static class ChildProcessStop
{
    private const int SigTerm = 15;

    /// <summary>True when it exited on SIGTERM within the deadline, false when it had to be killed.</summary>
    public static async Task<bool> StopAsync(Process process, Deadline deadline)
    {
        try
        {
            if (process.HasExited)
            {
                return true;
            }

            if (!OperatingSystem.IsWindows() && Kill(process.Id, SigTerm) == 0)
            {
                try
                {
                    await deadline.RunAsync($"PID {process.Id} exiting on SIGTERM", process.WaitForExitAsync).ConfigureAwait(false);
                    return true;
                }
                catch (DeadlineExpiredException)
                {
                    // Falls through to the kill: a process that ignores SIGTERM must not outlive the run.
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Exited between the check and the signal.
            return true;
        }
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, and kill(2) takes two ints.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
