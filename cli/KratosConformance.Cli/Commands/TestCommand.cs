using System.Diagnostics;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Output;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc test: the project's own tests. Self-tests of every library (dotnet test), the suites against the reference double
/// at every emulated version, the kill matrix (every deviation must be caught), one run through real containers,
/// and a smoke of the benchmark. Ends with CI's line "N passed, N failed, N skipped".
/// </summary>
public static class TestCommand
{
    private static readonly OptionParser Parser = new(
        "test",
        "Usage: ./kc test [options]\n\nRuns the project's own tests and ends with the line \"N passed, N failed, N skipped\".",
        [
            new("skip", "<part>", "Leave out a part (repeatable).", ["self-tests", "matrix", "containers", "bench"], Repeatable: true),
            new("workers", "<n>", "Parallel workers for suite runs (default: 2 × cores)."),
        ]);

    public static int Run(IReadOnlyList<string> args)
    {
        var o = Parser.Parse(args);
        if (o.Has("help"))
        {
            Console.Out.Write(Parser.Help());
            return 0;
        }

        var skip = o.GetAll("skip").ToHashSet(StringComparer.Ordinal);
        var workers = o.GetInt("workers", Environment.ProcessorCount * 2, 1, 64);
        var root = Path.Combine(RepositoryLayout.StateDirectory, "test", DateTimeOffset.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var console = Console.Out;
        var tallies = new List<TestTally>();
        var clock = Stopwatch.StartNew();

        if (!skip.Contains("self-tests"))
        {
            tallies.Add(DotnetTest.Run(Path.Combine(root, "dotnet-test"), Path.Combine(root, "dotnet-test", "evidence"), HarnessSettings.FromEnvironment().Patience, console));
        }

        if (!skip.Contains("matrix"))
        {
            console.WriteLine();
            // The matrix's tests wait on the network far more than they compute: more workers than cores pay off.
            tallies.AddRange(KillMatrix.RunAsync(Path.Combine(root, "matrix"), Math.Max(workers, 16), console, CancellationToken.None).GetAwaiter().GetResult());
        }

        if (!skip.Contains("containers"))
        {
            console.WriteLine();
            tallies.Add(ContainersRun(Path.Combine(root, "containers"), workers, console, null));
            tallies.Add(SecretScanOf(Path.Combine(root, "containers"), console));
            // Once more with Kratos's data in a SQLite file: the migration job and serve share its volume.
            console.WriteLine();
            tallies.Add(ContainersRun(Path.Combine(root, "containers-sqlite"), workers, console, Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "sqlite-file.yml")));
        }

        if (!skip.Contains("bench"))
        {
            console.WriteLine();
            tallies.Add(BenchCommand.Smoke(Path.Combine(root, "bench"), console));
        }

        var total = tallies.Aggregate(new TestTally("total", 0, 0, 0), (a, b) => a + b);
        console.WriteLine();
        foreach (var t in tallies)
        {
            console.WriteLine($"  {t.Part,-22} {t.ClosingLine}");
        }

        console.WriteLine($"kc test took {clock.Elapsed.TotalSeconds:0} s; work files in {root}");
        console.WriteLine(total.ClosingLine);
        return total.Failed == 0 ? 0 : 1;
    }

    /// <summary>The suites through the same Testcontainers code users run: local double image + smtp4dev image.</summary>
    private static TestTally ContainersRun(string dir, int workers, TextWriter console, string? overlay)
    {
        var started = DateTimeOffset.Now;
        var runDir = RunDirectory.Create(dir, started);
        var plan = new RunPlan(
            new HarnessSettings
            {
                Target = TargetKind.Containers, EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName), ConfigOverlay = overlay,
            },
            new ConformanceTestFilter([], includeBrowser: false),
            workers,
            null);
        var part = overlay is null ? "containers" : "containers (" + Path.GetFileNameWithoutExtension(overlay) + ")";
        console.WriteLine($"{part}: the suite through Testcontainers (local double image + smtp4dev image)");
        var clock = Stopwatch.StartNew();
        var verdict = RunExecutor.Execute(plan, runDir, started, console);
        var result = KratosConformance.Reports.Writing.ResultsJsonReader.Read(runDir.Path);
        console.WriteLine($"{part}: {clock.Elapsed.TotalSeconds:0.0} s including start ({(verdict.Passed ? "passed" : "FAILED")})");
        var s = result.Summary;
        return new TestTally(part, s.Passed + s.ExpectedFailure, s.Failed, s.NotApplicable);
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
