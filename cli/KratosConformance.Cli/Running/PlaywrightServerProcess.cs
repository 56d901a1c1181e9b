using System.Diagnostics;
using System.Text.Json;
using KratosConformance.Client.Waiting;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Playwright's launch-server (a browser server speaking the protocol Playwright clients connect to) started from the
/// driver shipped with Microsoft.Playwright beside the suites (.playwright/node + .playwright/package/cli.js, the same
/// version as the client), launching Debian's Chromium, bound to 127.0.0.1 on a port the OS picks. Disposing stops it
/// and its browser by the PID this process started.
/// </summary>
public sealed class PlaywrightServerProcess : IDisposable
{
    private readonly Process? _process;

    private PlaywrightServerProcess(Process? process, Uri? endpoint, string version, string? problem)
    {
        _process = process;
        Endpoint = endpoint;
        Version = version;
        Problem = problem;
    }

    /// <summary>The ws:// endpoint the server printed, or null when it did not start (<see cref="Problem"/> says why).</summary>
    public Uri? Endpoint { get; }

    public string Version { get; }

    public string? Problem { get; }

    public int? Pid => _process?.Id;

    public static PlaywrightServerProcess Start(string dir, Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var driver = Path.Combine(Path.GetDirectoryName(SuiteAssembly.Path)!, ".playwright");
        var node = Path.Combine(driver, "node", OperatingSystem.IsLinux() ? "linux-x64" : "unknown", "node");
        var cli = Path.Combine(driver, "package", "cli.js");
        var version = File.Exists(Path.Combine(driver, "package", "package.json"))
            ? JsonDocument.Parse(File.ReadAllText(Path.Combine(driver, "package", "package.json"))).RootElement.GetProperty("version").GetString() ?? "?"
            : "?";
        if (!File.Exists(node) || !File.Exists(cli))
        {
            return new PlaywrightServerProcess(null, null, version, $"Playwright's driver is missing ({node}, {cli}): build the suites (dotnet build).");
        }

        var config = Path.Combine(dir, "launch-server.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["executablePath"] = "/usr/bin/chromium",
            ["args"] = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run" },
            ["headless"] = true,
            ["host"] = "127.0.0.1",
            ["port"] = 0,
            ["wsPath"] = "/kc-" + Guid.NewGuid().ToString("N")[..12],
        }));
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = dir };
        foreach (var arg in new[] { cli, "launch-server", "--browser", "chromium", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var line = process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();
        if (!line.Wait(deadline.Limit, cancellationToken) || line.Result is not { } printed || !Uri.TryCreate(printed.Trim(), UriKind.Absolute, out var endpoint))
        {
            Stop(process);
            var why = line.IsCompletedSuccessfully ? $"it printed '{line.Result}'" : $"{deadline.Name}: no endpoint within {deadline.Limit.TotalSeconds:0} s";
            return new PlaywrightServerProcess(null, null, version, $"{why}; stderr: {(stderr.IsCompleted ? stderr.Result : string.Empty)}");
        }

        return new PlaywrightServerProcess(process, endpoint, version, null);
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            Stop(_process);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }

        process.Dispose();
    }
}
