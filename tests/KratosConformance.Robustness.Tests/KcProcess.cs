using System.Collections.Concurrent;
using System.Diagnostics;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// ./kc started as a user starts it: its own process (bash, then the CLI), output read line by line, signals sent
/// with kill. SIGINT starts at its default disposition, as in a terminal, whatever the test runner inherited. Its
/// session id (the label on every container it starts) is kc-&lt;epoch&gt;-&lt;its PID&gt;.
/// </summary>
internal sealed class KcProcess : IDisposable
{
    /// <summary>
    /// The console line of the run's <paramref name="n"/>th result: <c>[ n/total]</c>, the number right-aligned to
    /// the total's width (<c>[  1/108]</c> once a run has 100 tests or more).
    /// </summary>
    public static bool IsResultLine(string line, int n) =>
        line.StartsWith('[') && line[1..].TrimStart().StartsWith(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private KcProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    /// <summary>kc's PID (env execs bash, so it is the script's).</summary>
    public int Pid => _process.Id;

    /// <summary>The first line kc wrote (stdout or stderr), or "" when it wrote nothing.</summary>
    public string FirstLine => _lines.TryPeek(out var first) ? first : string.Empty;

    /// <summary>True for the session label value this kc put on its containers, networks and volumes.</summary>
    public bool OwnsSession(string session) =>
        session.StartsWith("kc-", StringComparison.Ordinal) && session.EndsWith("-" + Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static KcProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts ./kc with <paramref name="args"/> and these environment variables set (a value of "" removes one).</summary>
    public static KcProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("env")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in (string[])["--default-signal=INT,TERM", Path.Combine(Repository.Root, "kc"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        // As a user's shell: none of the harness settings of the test process (./kc test sets some) but its patience.
        foreach (var name in HarnessVariables.Names.Where(n => n != Patience.Variable))
        {
            start.Environment.Remove(name);
        }

        start.Environment["KC_SKIP_BUILD"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new KcProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start ./kc"));
        process._process.OutputDataReceived += (_, e) => process.Add(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Add(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits until a line of output satisfies <paramref name="isIt"/>; the deadline names what it waited for. kc ending
    /// without that line fails at once; either failure shows the output as it was then.
    /// </summary>
    public async Task WaitForLineAsync(string waitingFor, Func<string, bool> isIt, Deadline deadline)
    {
        await Poll.UntilAsync(
            _ => Task.FromResult(_lines.Any(isIt) || _process.HasExited),
            seen => seen,
            new PollOptions(waitingFor, deadline),
            t => new TimeoutException($"Expected {t.WaitingFor} within {t.Deadline.Expired}; kc's output so far:\n{Output}"));
        if (!_lines.Any(isIt))
        {
            throw new InvalidOperationException($"Expected {waitingFor}, but ./kc ended (exit {_process.ExitCode}) without it; its output:\n{Output}");
        }
    }

    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
    }

    /// <summary>
    /// SIGKILL to kc and every process under it at once, as a CI runner that kills a job's processes does: nothing of
    /// kc gets to clean up.
    /// </summary>
    public void KillTree() => _process.Kill(entireProcessTree: true);

    /// <summary>kc and the processes under it now (PID and start time), to check later that none outlived it.</summary>
    public IReadOnlyList<RunOwner> Tree() => ProcessTree.Of(Pid);

    /// <summary>The exit code, once kc ended within <paramref name="deadline"/>.</summary>
    public async Task<int> ExitCodeAsync(Deadline deadline)
    {
        using var limit = new CancellationTokenSource(deadline.Limit);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"./kc did not end within {deadline.Expired}; output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
