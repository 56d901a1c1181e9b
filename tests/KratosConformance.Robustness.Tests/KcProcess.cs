using System.Collections.Concurrent;
using System.Diagnostics;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// ./kc started as a user starts it: its own process (bash, then the CLI), output read line by line, signals sent
/// with kill. SIGINT starts at its default disposition, as in a terminal, whatever the test runner inherited.
/// </summary>
internal sealed class KcProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private KcProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    public static KcProcess Start(params string[] args)
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

        start.Environment["KC_SKIP_BUILD"] = "1";
        start.Environment["NO_COLOR"] = "1";
        var process = new KcProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start ./kc"));
        process._process.OutputDataReceived += (_, e) => process.Add(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Add(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="isIt"/>; the deadline names what it waited for.</summary>
    public Task WaitForLineAsync(string waitingFor, Func<string, bool> isIt, Deadline deadline) =>
        Poll.UntilAsync(
            _ => Task.FromResult(_lines.Any(isIt) || _process.HasExited),
            seen => seen,
            new PollOptions($"{waitingFor}; output so far:\n{Output}", deadline));

    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
    }

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
