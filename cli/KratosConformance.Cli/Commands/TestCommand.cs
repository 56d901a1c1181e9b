using System.CommandLine;
using System.Diagnostics;
using KratosConformance.Bench;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Mutation;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Output;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc test: the project's own tests. Self-tests of every library (dotnet test, the CLI's own included), the suites
/// against the reference double at every emulated version, the kill matrix (every deviation must be caught), the
/// upgrade certification in-process (two upgrades, every upgrade deviation caught), one run through real containers, and a smoke of the benchmark. Ends with CI's line "N passed, N failed, N skipped".
/// </summary>
public static class TestCommand
{
    public static IReadOnlyList<string> Parts { get; } = ["self-tests", "elements-ui", "browser-versions", "matrix", "shards", "ci-examples", "tool", "remote-browser", "remote-docker", "upgrade", "containers", "bench", "mutation"];

    public static Command Create(CommandContext context)
    {
        var skip = KcOption.Repeatable("--skip", "<part>", "Leave out a part (repeatable).", Parts);
        var workers = KcOption.Number("--workers", "<n>", "Parallel workers for suite runs (default: 2 × cores).", Environment.ProcessorCount * 2, 1, 64);
        var underLoad = KcOption.Flag("--under-load", "Run with two CPU-burning processes beside the tests (a busy 2-core CI runner); they are stopped at the end, also on failure or Ctrl-C.");
        var patience = TargetOptions.PatienceOption();
        var command = new Command("test", "Run the project's own tests (self-tests, the browser suite against the Ory Elements SPA and at older versions, versions, kill matrix, upgrades, containers, bench smoke, mutation sample); ends with \"N passed, N failed, N skipped\".");
        command.Options.Add(skip);
        command.Options.Add(workers);
        command.Options.Add(underLoad);
        command.Options.Add(patience.Option);
        command.SetAction(parse =>
        {
            var settings = TargetOptions.ToSettings([patience], parse, new HarnessSettings { Patience = Defaults.EnvironmentPatience() });
            var skipped = (parse.GetValue(skip) ?? []).ToHashSet(StringComparer.Ordinal);
            using var burners = parse.GetValue(underLoad) ? CpuBurners.Start(2) : null;
            if (burners is not null)
            {
                context.Out.WriteLine($"kc test: under load: 2 CPU-burning processes beside the tests (PIDs {string.Join(", ", burners.Pids)}), stopped at the end.");
            }

            try
            {
                return Run(skipped, parse.GetValue(workers), settings, context);
            }
            catch (OperationCanceledException) when (context.Token.IsCancellationRequested)
            {
                context.Out.WriteLine($"kc test: interrupted by {context.Signals?.Received?.Name ?? "a signal"}; the parts above are all that ran.");
                return context.InterruptedExitCode;
            }
        });
        return command;
    }

    private static int Run(HashSet<string> skip, int workers, HarnessSettings settings, CommandContext context)
    {
        var root = Path.Combine(RepositoryLayout.StateDirectory, "test", DateTimeOffset.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var console = context.Out;
        var tallies = new List<TestTally>();
        var clock = Stopwatch.StartNew();

        if (!skip.Contains("self-tests"))
        {
            tallies.Add(DotnetTest.Run(Path.Combine(root, "dotnet-test"), Path.Combine(root, "dotnet-test", "evidence"), settings.Patience, console, context.Token));
        }

        if (!skip.Contains("elements-ui"))
        {
            console.WriteLine();
            tallies.Add(BrowserUiChecks.Elements(Path.Combine(root, "elements-ui"), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
        }

        if (!skip.Contains("browser-versions"))
        {
            foreach (var version in BrowserUiChecks.OlderVersions)
            {
                console.WriteLine();
                tallies.Add(BrowserUiChecks.Version(version, Path.Combine(root, "browser-" + version), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
            }
        }

        if (!skip.Contains("matrix"))
        {
            console.WriteLine();
            // The matrix's tests wait on the network far more than they compute: more workers than cores pay off.
            tallies.AddRange(KillMatrix.RunAsync(Path.Combine(root, "matrix"), Math.Max(workers, 16), console, settings.Patience, context.Token).GetAwaiter().GetResult());
        }

        if (!skip.Contains("shards"))
        {
            console.WriteLine();
            tallies.Add(ShardCheck.Run(Path.Combine(root, "shards"), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
        }

        if (!skip.Contains("ci-examples"))
        {
            console.WriteLine();
            tallies.Add(CiExamplesCheck.Run(Path.Combine(root, "ci-examples"), settings.Patience, console));
        }

        if (!skip.Contains("tool"))
        {
            console.WriteLine();
            tallies.Add(ToolCheck.Run(settings.Patience, console, context.Token));
        }

        if (!skip.Contains("remote-browser"))
        {
            console.WriteLine();
            tallies.Add(RemoteBrowserCheck.Run(Path.Combine(root, "remote-browser"), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
        }

        if (!skip.Contains("remote-docker"))
        {
            console.WriteLine();
            tallies.Add(RemoteDockerCheck.Run(Path.Combine(root, "remote-docker"), settings, console, context.Token));
        }

        if (!skip.Contains("upgrade"))
        {
            console.WriteLine();
            console.WriteLine("upgrade: kc upgrade in-process, v1.3.1 and v25.4.0 to v26.2.0 with the suites, then each upgrade deviation of the double");
            tallies.AddRange(UpgradeChecks.Run(Path.Combine(root, "upgrade"), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
        }

        if (!skip.Contains("containers"))
        {
            console.WriteLine();
            tallies.Add(ContainersRun(Path.Combine(root, "containers"), workers, settings, context, null));
            tallies.Add(SecretScanOf(Path.Combine(root, "containers"), console));
            // Once more with Kratos's data in a SQLite file: the migration job and serve share its volume.
            console.WriteLine();
            tallies.Add(ContainersRun(Path.Combine(root, "containers-sqlite"), workers, settings, context, Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "sqlite-file.yml")));
            // kc upgrade as a team runs it: A's and B's containers sharing the SQLite file's named volume.
            console.WriteLine();
            tallies.Add(UpgradeChecks.RunContainers(Path.Combine(root, "upgrade-containers"), workers, settings, console, () => context.Signals?.Received?.Name, context.Token));
        }

        if (!skip.Contains("bench"))
        {
            console.WriteLine();
            tallies.Add(BenchSmoke.Run(Path.Combine(root, "bench"), console, settings.Patience, context.Token));
        }

        if (!skip.Contains("mutation"))
        {
            console.WriteLine();
            tallies.Add(MutationSample.Run(Path.Combine(root, "mutation"), console, settings.Patience, context.Token));
        }

        context.Token.ThrowIfCancellationRequested();
        var total = tallies.Aggregate(new TestTally("total", 0, 0, 0), (a, b) => a + b);
        console.WriteLine();
        foreach (var t in tallies)
        {
            console.WriteLine($"  {t.Part,-22} {t.ClosingLine}");
        }

        console.WriteLine($"kc test took {clock.Elapsed.TotalSeconds:0} s; work files in {root}");
        console.WriteLine(total.ClosingLine);
        return total.Failed == 0 ? ExitCodes.Passed : ExitCodes.Failed;
    }

    /// <summary>The suites through the same Testcontainers code users run: local double image + smtp4dev image.</summary>
    private static TestTally ContainersRun(string dir, int workers, HarnessSettings settings, CommandContext context, string? overlay)
    {
        var started = DateTimeOffset.Now;
        var runDir = RunDirectory.Create(dir, started);
        var plan = new RunPlan(
            new HarnessSettings
            {
                Target = TargetKind.Containers, Patience = settings.Patience, EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName), ConfigOverlay = overlay,
            },
            new ConformanceTestFilter([], includeBrowser: false),
            workers,
            null);
        var part = overlay is null ? "containers" : "containers (" + Path.GetFileNameWithoutExtension(overlay) + ")";
        context.Out.WriteLine($"{part}: the suite through Testcontainers (local double image + smtp4dev image)");
        var clock = Stopwatch.StartNew();
        var verdict = RunExecutor.Execute(plan, runDir, started, context.Out, () => context.Signals?.Received?.Name, context.Token);
        context.Token.ThrowIfCancellationRequested();
        var result = KratosConformance.Reports.Writing.ResultsJsonReader.Read(runDir.Path);
        context.Out.WriteLine($"{part}: {clock.Elapsed.TotalSeconds:0.0} s including start ({(verdict.Passed ? "passed" : "FAILED")})");
        var s = result.Summary;
        return new TestTally(part, s.Passed + s.ExpectedFailure, s.Failed + s.Interrupted, s.NotApplicable);
    }

    /// <summary>
    /// Every file a real run wrote (results, reports, evidence, transcripts) must hold no unmasked session token,
    /// session cookie or CSRF token: the promise of --reveal-secrets being off. One finding fails ./kc test.
    /// </summary>
    private static TestTally SecretScanOf(string dir, TextWriter console)
    {
        var findings = KratosConformance.Reports.Secrets.SecretScan.ScanDirectory(dir);
        console.WriteLine($"secret scan of {dir}: {findings.Count} unmasked secret(s)");
        foreach (var f in findings.Take(10))
        {
            console.WriteLine($"  ✗ {f.File}:{f.Line} {f.Pattern}: {f.Excerpt}");
        }

        return new TestTally("secret scan", findings.Count == 0 ? 1 : 0, findings.Count == 0 ? 0 : 1, 0);
    }
}
