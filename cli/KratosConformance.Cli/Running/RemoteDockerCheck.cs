using System.Diagnostics;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "remote-docker" part of ./kc test: kc run's containers target against a Docker engine reached over
/// DOCKER_HOST=tcp://…, as a runner without a local daemon uses one. A second dockerd (<see cref="SecondDockerEngine"/>)
/// is started on 127.0.0.1; it has no images, so the project's two local images are copied into it (docker save |
/// docker -H … load, measured); then kc run (a child process, DOCKER_HOST set) runs the whole HTTP suite through it
/// (every factor and client style, the SMS sink's container included), every test the clone's suites select must pass,
/// and the engine's own events must show the containers started there. The engine is stopped and removed at the end.
/// </summary>
public static class RemoteDockerCheck
{
    private static bool DefaultBridgeBefore { get; set; }

    public static TestTally Run(string dir, HarnessSettings settings, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine("remote-docker: kc run --no-browser (the HTTP suite) with DOCKER_HOST=tcp://127.0.0.1:<port>, a second dockerd (own data/exec root, own bridge, no iptables)");
        Directory.CreateDirectory(dir);
        var patience = settings.Patience;
        var containerPatience = new ContainerPatience(patience.Factor);
        var results = new List<(string What, bool Ok, string Detail)>();
        var root = RepositoryLayout.RequireRoot();
        var images = new[]
        {
            LocalImages.EnsureDoubleImageAsync(root, console, containerPatience, cancellationToken).GetAwaiter().GetResult(),
            LocalImages.EnsureSmtp4devImageAsync(root, console, containerPatience, cancellationToken).GetAwaiter().GetResult(),
        };
        DefaultBridgeBefore = Directory.Exists("/sys/class/net/docker0");
        var clock = Stopwatch.StartNew();
        SecondDockerEngine engine;
        try
        {
            engine = SecondDockerEngine.Start(patience.For("second dockerd start", TimeSpan.FromSeconds(60)), patience.For("second dockerd stop", TimeSpan.FromSeconds(30)), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KratosConformance.Client.Waiting.PollTimeoutException)
        {
            results.Add(("second dockerd on 127.0.0.1", false, e.Message));
            return Report(results, console);
        }

        using (engine)
        {
            results.Add(($"second dockerd answers on {engine.Host} (pid {engine.Pid}, {clock.Elapsed.TotalSeconds:0.0} s)", true, string.Empty));
            clock.Restart();
            var load = ChildProcess.Run(
                "bash",
                ["-c", "set -o pipefail; docker save \"$@\" | docker -H \"$DOCKER_REMOTE\" load", "save-load", .. images],
                dir,
                patience.For("docker save | docker load into the second dockerd", TimeSpan.FromMinutes(5)),
                new Dictionary<string, string> { ["DOCKER_REMOTE"] = engine.Host },
                cancellationToken: cancellationToken);
            var size = ChildProcess.Run("docker", ["image", "inspect", "--format", "{{.Size}}", .. images], dir, patience.For("docker image inspect", TimeSpan.FromSeconds(30)), cancellationToken: cancellationToken);
            var megabytes = size.ExitCode == 0 ? size.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(long.Parse) / 1_000_000 : -1;
            results.Add(($"local images loaded into it ({string.Join(", ", images)}; {megabytes} MB in {clock.Elapsed.TotalSeconds:0.0} s)", load.ExitCode == 0, load.Tail()));
            if (load.ExitCode != 0)
            {
                return Report(results, console);
            }

            clock.Restart();
            var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
            var runOut = Path.Combine(dir, "run");
            var run = ChildProcess.Run(
                "dotnet",
                [typeof(RemoteDockerCheck).Assembly.Location, "run", "--target", "containers", "--no-browser", "--out", runOut],
                dir,
                patience.For("kc run of the HTTP suite through the second dockerd", TimeSpan.FromMinutes(10)),
                new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Host },
                unset: ["DOCKER_API_VERSION", "TESTCONTAINERS_HOST_OVERRIDE", "TESTCONTAINERS_RYUK_DISABLED"],
                cancellationToken: cancellationToken);
            var latest = Path.Combine(runOut, "latest");
            var summary = File.Exists(Path.Combine(latest, "results.json")) ? ResultsJsonReader.Read(latest).Summary : null;
            var expected = SuiteRunner.Count(new ConformanceTestFilter([], includeBrowser: false));
            results.Add((
                $"kc run of the HTTP suite through DOCKER_HOST={engine.Host}: {summary?.Passed ?? 0} of {expected} passed, {summary?.Failed ?? 0} failed, {summary?.NotApplicable ?? 0} n.a. ({clock.Elapsed.TotalSeconds:0.0} s including the stack's start)",
                run.ExitCode == 0 && summary is { } s && s.Total == expected && s.Passed == expected,
                run.Tail()));
            var events = ChildProcess.Run(
                "docker",
                ["-H", engine.Host, "events", "--since", since.ToString(System.Globalization.CultureInfo.InvariantCulture), "--until", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--filter", "type=container", "--filter", "event=start", "--format", "{{.Actor.Attributes.image}}"],
                dir,
                patience.For("docker events of the second dockerd", TimeSpan.FromSeconds(30)),
                cancellationToken: cancellationToken);
            var started = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // The stack may start a container by another tag of the same image (…:local): compare repositories.
            var repositories = started.Select(i => i.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
            results.Add(($"the second dockerd started the run's containers ({started.Length}: {string.Join(", ", started.Distinct())})", events.ExitCode == 0 && images.All(i => repositories.Contains(i.Split(':')[0])), events.Tail()));
        }

        results.Add(("second dockerd stopped, its folder and bridge removed", !Directory.Exists(engine.Folder) && !Directory.Exists("/sys/class/net/" + engine.Bridge), engine.Folder));
        // What a second engine must never do: the machine engine's default bridge is still there.
        var docker0Before = DefaultBridgeBefore;
        results.Add(("the machine engine's default bridge docker0 is untouched", !docker0Before || Directory.Exists("/sys/class/net/docker0"), "docker0 is gone"));
        return Report(results, console);
    }

    private static TestTally Report(List<(string What, bool Ok, string Detail)> results, TextWriter console)
    {
        foreach (var (what, ok, detail) in results)
        {
            console.WriteLine($"  {(ok ? "✓" : "✗")} {what}{(ok || detail.Length == 0 ? string.Empty : ":\n" + detail.Trim())}");
        }

        return new TestTally("remote-docker", results.Count(r => r.Ok), results.Count(r => !r.Ok), 0);
    }
}
