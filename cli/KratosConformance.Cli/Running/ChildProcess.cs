using System.Diagnostics;
using System.Text;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Runs a program to its end for a ./kc test part (dotnet pack, the installed kc, docker) with a deadline that names
/// itself: its exit code and its output, or exit 124 with the deadline's name when it ran past it (then it is killed).
/// </summary>
public static class ChildProcess
{
    /// <summary>What it printed (stdout and stderr, interleaved as they came) and how it ended.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        public string Tail(int lines = 12) => string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
    }

    /// <summary>Runs <paramref name="file"/>; <paramref name="unset"/> names variables the child must not inherit.</summary>
    public static Result Run(
        string file,
        IEnumerable<string> arguments,
        string workingDirectory,
        Deadline deadline,
        IReadOnlyDictionary<string, string>? environment = null,
        IEnumerable<string>? unset = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(deadline);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in unset ?? [])
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, $"{file} could not be started: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline.Limit);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            lock (output)
            {
                return new Result(124, $"{deadline.Name} did not end within {deadline.Limit.TotalSeconds:0} s (raise --patience)\n{output}");
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
