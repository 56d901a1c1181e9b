using System.Diagnostics;
using KratosConformance.Harness.Processes;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Processes that do nothing but burn a CPU core (<c>sh -c 'while :; do :; done'</c>), for <c>./kc test --under-load</c>:
/// the project's tests must pass on a 2-core machine that is busy with other work, as a shared CI runner is. They are
/// stopped by PID when disposed (also after a failure or Ctrl-C, which end the command), and they end with kc however
/// it ends (<see cref="ParentBoundProcess" />).
/// </summary>
public sealed class CpuBurners : IDisposable
{
    private readonly IReadOnlyList<Process> _processes;

    private CpuBurners(IReadOnlyList<Process> processes) => _processes = processes;

    /// <summary>Their PIDs, for the console line that announces them.</summary>
    public IReadOnlyList<int> Pids => [.. _processes.Select(p => p.Id)];

    public static CpuBurners Start(int count)
    {
        var started = new List<Process>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
                foreach (var argument in (string[])["-c", "while :; do :; done"])
                {
                    start.ArgumentList.Add(argument);
                }

                started.Add(ParentBoundProcess.StartAsync(start).GetAwaiter().GetResult());
            }

            return new CpuBurners(started);
        }
        catch
        {
            new CpuBurners(started).Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                // SIGKILL can not be caught or ignored: a busy loop ends at once.
                process.Kill();
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // It exited between the start and now: nothing to stop.
            }
            finally
            {
                process.Dispose();
            }
        }
    }
}
