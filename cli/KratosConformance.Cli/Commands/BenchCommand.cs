using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KratosConformance.Cli.Bench;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc bench: what the harness itself costs, against the protocol floor — per-flow time against a hand-written replay,
/// mail detection latency per reader, whole-suite wall time serial and parallel, peak memory. A benchmark, not a
/// timed test: goals are reported as met or not, and the exit code is 0 unless something crashed.
/// </summary>
public static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A ratio with no replay sample is NaN; it is written as "NaN" rather than failing the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly OptionParser Parser = new(
        "bench",
        "Usage: ./kc bench [options]\n\nMeasures the harness's own cost on the local double (and on a target given with ./kc run's options):\n"
        + "per-flow time against a raw-HttpClient replay, mail detection latency per reader, suite wall time serial and\n"
        + "parallel, peak memory. Prints a table and writes reports/out/bench/<timestamp>.json. Exits 0 unless it crashed.",
        [
            new("repetitions", "<n>", "Timed repetitions per scenario × client (default 5; mail gets 4 × n samples per reader)."),
            new("skip-containers", null, "Leave out the suite runs on the containers target."),
            new("workers", "<n>", "Workers of the parallel suite runs (default: 2 × cores)."),
            new("no-browser", null, "Leave the Playwright browser suite (browser-ui) out of the suite runs."),
            new("out", "<dir>", "Where <timestamp>.json goes (default reports/out/bench)."),
            .. TargetOptions.Specs,
        ]);

    public static int Run(IReadOnlyList<string> args)
    {
        // The shared parser knows only the options it is given; --help is answered before it runs.
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.Out.Write(Parser.Help());
            return 0;
        }

        var o = Parser.Parse(args);
        if (o.Positionals.Count > 0)
        {
            throw new CliException($"kc bench takes no arguments, only options; got '{o.Positionals[0]}' (./kc bench --help).");
        }

        var stamp = Stamp();
        var work = Path.Combine(RepositoryLayout.StateDirectory, "bench", stamp);
        var plan = new BenchPlan
        {
            Repetitions = o.GetInt("repetitions", 5, 1, 100),
            SkipContainers = o.Has("skip-containers"),
            ParallelWorkers = o.GetInt("workers", Environment.ProcessorCount * 2, 2, 64),
            SuiteFilter = new ConformanceTestFilter([], includeBrowser: !o.Has("no-browser")),
            SuiteDescription = o.Has("no-browser") ? "the whole suite without browser-ui" : "the whole suite",
            ExtraTarget = TargetOptions.Specs.Any(s => o.Has(s.Name)) ? TargetOptions.ToSettings(o, Path.Combine(work, "target")) : null,
            OutputDirectory = Path.GetFullPath(o.Get("out") ?? Path.Combine(RepositoryLayout.RequireRoot(), "reports", "out", "bench")),
            WorkDirectory = work,
        };

        var report = BenchRun.RunAsync(plan, Console.Out, CancellationToken.None).GetAwaiter().GetResult();
        Console.Out.WriteLine();
        Console.Out.Write(BenchTable.Render(report));
        Console.Out.WriteLine($"bench: {Write(report, plan.OutputDirectory, stamp)}");
        return 0;
    }

    /// <summary>
    /// One repetition of everything but the containers runs, the suite narrowed to login.code-mfa.aal2.*, for ./kc test:
    /// passes when the benchmark completes, writes its JSON and none of its own flows or readers broke.
    /// </summary>
    public static TestTally Smoke(string dir, TextWriter console)
    {
        var plan = new BenchPlan
        {
            Repetitions = 1,
            SkipContainers = true,
            SuiteFilter = new ConformanceTestFilter(["login.code-mfa.aal2.*"], includeBrowser: false),
            SuiteDescription = "login.code-mfa.aal2.* only (smoke)",
            OutputDirectory = dir,
            WorkDirectory = Path.Combine(dir, "work"),
        };
        console.WriteLine("bench: smoke (one repetition, no containers)");
        try
        {
            var report = BenchRun.RunAsync(plan, console, CancellationToken.None).GetAwaiter().GetResult();
            var file = Write(report, dir, Stamp());
            var broken = report.Flows.Where(f => f.Error is { } e && !e.StartsWith("skipped:", StringComparison.Ordinal)).Select(f => $"{f.Scenario}/{f.Client}: {f.Error}")
                .Concat(report.Mail.Where(m => m.Skipped?.StartsWith("error:", StringComparison.Ordinal) == true).Select(m => $"{m.Reader}: {m.Skipped}"))
                .ToList();
            foreach (var b in broken)
            {
                console.WriteLine($"  ✗ bench smoke: {b}");
            }

            console.WriteLine($"bench: smoke {(broken.Count == 0 ? "passed" : "FAILED")} ({report.TookSeconds:0} s; {file})");
            return new TestTally("bench smoke", broken.Count == 0 ? 1 : 0, broken.Count == 0 ? 0 : 1, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.WriteLine($"  ✗ bench smoke crashed: {e.GetType().Name}: {e.Message}");
            return new TestTally("bench smoke", 0, 1, 0);
        }
    }

    private static string Write(BenchReport report, string directory, string stamp)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, stamp + ".json");
        File.WriteAllText(file, JsonSerializer.Serialize(report, Json));
        return file;
    }

    private static string Stamp() => DateTimeOffset.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
