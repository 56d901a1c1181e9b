using System.Collections.Concurrent;
using System.Diagnostics;

namespace KratosConformance.Harness.Processes;

/// <summary>
/// Starts child processes that end when this process ends, however it ends: SIGTERM reaches them through Linux's
/// parent-death signal (<c>setpriv --pdeathsig TERM</c>, util-linux), also when this process is killed with SIGKILL and
/// can not stop them itself. Before, a killed in-process run left its smtp4dev running for good (four such orphans
/// were found on one machine, bound to their ports, in folders already removed).
/// <para>
/// The kernel sends that signal when the <em>thread</em> that forked the child ends, not the process; .NET forks in
/// the thread that calls Process.Start and retires idle pool threads. So every start happens on one dedicated thread
/// that lives as long as this process.
/// </para>
/// </summary>
public static class ParentBoundProcess
{
    private const string Setpriv = "/usr/bin/setpriv";
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];
    private static readonly Lazy<Thread> Starter = new(StartThread);

    /// <summary>Whether children started here get the parent-death signal (false where setpriv is missing).</summary>
    public static bool Bound => OperatingSystem.IsLinux() && File.Exists(Setpriv);

    /// <summary>
    /// Starts <paramref name="start" /> (wrapped in setpriv when <see cref="Bound" />: its PID is the child's, setpriv
    /// execs it). Output redirection and environment are kept.
    /// </summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        Requests.Add((Bound ? Wrapped(start) : start, started));
        return started.Task;
    }

    private static ProcessStartInfo Wrapped(ProcessStartInfo start)
    {
        if (start.Arguments.Length > 0)
        {
            // Only the list form can be passed on unchanged behind setpriv's own arguments.
            throw new ArgumentException("give the arguments as ArgumentList, not as one Arguments string", nameof(start));
        }

        var wrapped = new ProcessStartInfo(Setpriv)
        {
            UseShellExecute = false,
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            WorkingDirectory = start.WorkingDirectory,
            StandardInputEncoding = start.StandardInputEncoding,
            StandardOutputEncoding = start.StandardOutputEncoding,
            StandardErrorEncoding = start.StandardErrorEncoding,
        };
        foreach (var argument in (string[])["--pdeathsig", "TERM", "--", start.FileName, .. start.ArgumentList])
        {
            wrapped.ArgumentList.Add(argument);
        }

        wrapped.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            wrapped.Environment[name] = value;
        }

        return wrapped;
    }

    private static Thread StartThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var (start, started) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."));
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    started.SetException(e);
                }
            }
        })
        {
            IsBackground = true,
            Name = "parent-bound process starter",
        };
        thread.Start();
        return thread;
    }
}
