using System.CommandLine;
using KratosConformance.Bench;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc bench: what the harness itself costs, against the protocol floor (the measuring is the bench project's). A
/// benchmark, not a timed test: goals are reported as met or not, and the exit code is 0 unless something crashed.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CommandContext context)
    {
        var repetitions = KcOption.Number("--repetitions", "<n>", "Timed repetitions per scenario × client (default 5; mail gets 4 × n samples per reader).", 5, 1, 100);
        var skipContainers = KcOption.Flag("--skip-containers", "Leave out the suite runs on the containers target.");
        var workers = KcOption.Number("--workers", "<n>", "Workers of the parallel suite runs (default: 2 × cores).", Math.Max(2, Environment.ProcessorCount * 2), 2, 64);
        var noBrowser = KcOption.Flag("--no-browser", "Leave the Playwright browser suite (browser-ui) out of the suite runs.");
        var output = KcOption.Value("--out", "<dir>", "Where <timestamp>.json goes (default reports/out/bench).");
        var target = TargetOptions.Create();
        var command = new Command("bench", "Measure the harness's own cost on the local double (and on a target given with ./kc run's options): per-flow time against a raw-HttpClient replay, mail detection latency per reader, the local double's flow request latency, suite wall time serial and parallel, peak memory. Prints a table and writes reports/out/bench/<timestamp>.json; exits 0 unless it crashed.");
        command.Options.Add(repetitions);
        command.Options.Add(skipContainers);
        command.Options.Add(workers);
        command.Options.Add(noBrowser);
        command.Options.Add(output);
        target.AddTo(command);
        command.SetAction(parse =>
        {
            var stamp = BenchReportFile.Stamp();
            var work = Path.Combine(RepositoryLayout.StateDirectory, "bench", stamp);
            var settings = target.ToSettings(parse, Defaults.ForRun() with { EvidenceRoot = Path.Combine(work, "target") });
            var plan = new BenchPlan
            {
                Repetitions = parse.GetValue(repetitions),
                SkipContainers = parse.GetValue(skipContainers),
                ParallelWorkers = parse.GetValue(workers),
                SuiteFilter = new ConformanceTestFilter([], includeBrowser: !parse.GetValue(noBrowser)),
                SuiteDescription = parse.GetValue(noBrowser) ? "the whole suite without browser-ui" : "the whole suite",
                ExtraTarget = target.AnyGiven(parse) ? settings : null,
                OutputDirectory = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(RepositoryLayout.RequireRoot(), "reports", "out", "bench")),
                WorkDirectory = work,
                Patience = settings.Patience,
            };

            var report = BenchRun.RunAsync(plan, context.Out, context.Token).GetAwaiter().GetResult();
            context.Out.WriteLine();
            context.Out.Write(BenchTable.Render(report));
            context.Out.WriteLine($"bench: {BenchReportFile.Write(report, plan.OutputDirectory, stamp)}");
            return ExitCodes.Passed;
        });
        return command;
    }
}
