using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "remote-browser" part of ./kc test: the browser suite against a Playwright server in another process, as a
/// runner uses a browser grid. The server is Playwright's own launch-server from the driver that came with
/// Microsoft.Playwright (so client and server versions match by construction), driving Debian's Chromium, on
/// 127.0.0.1 with a random port and path; every browser-ui scenario (emailed code, TOTP, backup codes, WebAuthn with
/// its virtual authenticator) runs through it with --browser-ws and must pass. Then an unreachable --browser-ws must end
/// kc run with exit 2 and the fix. The server is stopped by its PID at the end, also on failure.
/// </summary>
public static class RemoteBrowserCheck
{
    /// <summary>Every browser-ui scenario, as the browser-versions part selects them.</summary>
    public const string Selection = "*.browser-ui";

    public static TestTally Run(string dir, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"remote-browser: the browser suite ({Selection}, in-process double) through --browser-ws against Playwright's launch-server in its own process; an unreachable --browser-ws is exit 2");
        Directory.CreateDirectory(dir);
        var results = new List<(string What, bool Ok, string Detail)>();
        using (var server = PlaywrightServerProcess.Start(dir, settings.Patience.For("Playwright launch-server start", TimeSpan.FromSeconds(60)), cancellationToken))
        {
            results.Add(($"Playwright launch-server {server.Version} listening (pid {server.Pid})", server.Endpoint is not null, server.Problem ?? string.Empty));
            if (server.Endpoint is { } endpoint)
            {
                var clock = Stopwatch.StartNew();
                var runRoot = Path.Combine(dir, "run");
                var started = DateTimeOffset.Now;
                var runDir = RunDirectory.Create(runRoot, started);
                var plan = new RunPlan(
                    new HarnessSettings
                    {
                        Target = TargetKind.InProcess, Patience = settings.Patience, BrowserWs = endpoint,
                        EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName),
                    },
                    new ConformanceTestFilter([Selection], includeBrowser: true),
                    workers,
                    null);
                var verdict = RunExecutor.Execute(plan, runDir, started, console, interruption, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                var result = ResultsJsonReader.Read(runDir.Path);
                var expected = SuiteRunner.Count(new ConformanceTestFilter([Selection], includeBrowser: true));
                var s = result.Summary;
                results.Add((
                    $"browser suite through {endpoint.GetLeftPart(UriPartial.Authority)}: {s.Passed} of {expected} passed, {s.Failed} failed, {s.NotApplicable} n.a. ({clock.Elapsed.TotalSeconds:0.0} s)",
                    verdict.Passed && s.Total == expected && s.Passed == expected,
                    verdict.Line));
            }
        }

        var unreachable = new Uri($"ws://127.0.0.1:{ClosedPort()}/playwright");
        var timer = Stopwatch.StartNew();
        var bad = ChildProcess.Run(
            "dotnet",
            [typeof(RemoteBrowserCheck).Assembly.Location, "run", "--target", "inprocess", "--only", "login.code-mfa.aal2.browser-ui", "--browser-ws", unreachable.AbsoluteUri, "--out", Path.Combine(dir, "unreachable")],
            dir,
            settings.Patience.For("kc run with an unreachable --browser-ws", TimeSpan.FromSeconds(60)),
            cancellationToken: cancellationToken);
        results.Add(($"unreachable --browser-ws: exit {bad.ExitCode} in {timer.Elapsed.TotalSeconds:0.0} s, naming the endpoint and the fix", bad.ExitCode == 2 && bad.Output.Contains("--browser-ws " + unreachable.AbsoluteUri, StringComparison.Ordinal) && bad.Output.Contains("run-server", StringComparison.Ordinal) && !bad.Output.Contains("   at ", StringComparison.Ordinal), bad.Tail()));
        foreach (var (what, ok, detail) in results)
        {
            console.WriteLine($"  {(ok ? "✓" : "✗")} {what}{(ok || detail.Length == 0 ? string.Empty : ":\n" + detail.Trim())}");
        }

        return new TestTally("remote-browser", results.Count(r => r.Ok), results.Count(r => !r.Ok), 0);
    }

    /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
