using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Kratos.Double.Tests.Support;

/// <summary>The double as a separate process, the way a container or a shell runs it: arguments, environment, exit code, output.</summary>
public sealed class DoubleProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private DoubleProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>kratos-double.dll beside the tests (the project reference copies it with its runtime config).</summary>
    public static string DoubleDll => Path.Combine(AppContext.BaseDirectory, "kratos-double.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public static DoubleProcess Start(string fileName, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test passes configures the double, not the developer's shell.
        foreach (var name in new[] { "KRATOS_DOUBLE_EMULATE", "KRATOS_DOUBLE_DEVIATIONS", "DSN", "LOG_LEVEL", "LOG_FORMAT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        return new DoubleProcess(process);
    }

    /// <summary>Runs the double with <paramref name="args"/> to its end; the deadline names itself when it expires.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        using var process = Start("dotnet", [DoubleDll, .. args], env);
        var exit = await process.WaitForExitAsync(Patience.For("double command's end", TimeSpan.FromSeconds(60)));
        return (exit, process.Stdout, process.Stderr);
    }

    /// <summary>Waits for the exit; throws a TimeoutException naming the deadline and KC_PATIENCE when it expires.</summary>
    public async Task<int> WaitForExitAsync(TestDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        using var cts = new CancellationTokenSource(deadline.Limit);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {deadline.Expired}; stderr so far:\n{Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is not null)
        {
            lock (target)
            {
                target.Append(line).Append('\n');
            }
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in this project; one libc call does not warrant it.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
