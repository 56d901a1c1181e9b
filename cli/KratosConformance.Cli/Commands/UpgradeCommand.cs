using System.CommandLine;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Cli.Validation;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Upgrade;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc upgrade: certifies an upgrade with data. Version A on a persistent database, a population seeded through A's
/// APIs, A stopped, B's migrate sql on the same database, B started, every seeded user and session checked on B, the
/// suite on A and on B, their compare and an upgrade section in the report. Exit 0 only when the upgrade kept
/// everything Kratos keeps and the suite on B passed.
/// </summary>
public static class UpgradeCommand
{
    public static Command Create(CommandContext context)
    {
        var from = KcOption.Value("--from", "<version|image>", "The version upgraded from: v1.3.1, v25.4.0 or v26.2.0 (the reference double), or an image such as oryd/kratos:v25.4.0.");
        var to = KcOption.Value("--to", "<version|image>", "The version upgraded to (newer than --from).");
        var dsn = KcOption.Value("--dsn", "<kind>", "The database both versions share (default sqlite: a SQLite file on a Docker volume, in-process a file of the run).", ["sqlite", "postgres"]);
        var target = KcOption.Value("--target", "<target>", "Where the two versions run (default containers).", ["containers", "inprocess"]);
        var deviations = KcOption.Repeatable("--deviations", "<name>", "An upgrade deviation of the double's migration to --to (repeatable), to watch kc upgrade catch it.");
        var noSuite = KcOption.Flag("--no-suite", "Seed, upgrade and verify only: leave out the suite runs on A and B and their compare.");
        var noBrowser = KcOption.Flag("--no-browser", "Leave out the Playwright browser suite (browser-ui) in the two suite runs.");
        var workers = KcOption.Number("--workers", "<n>", "Parallel test workers of the suite runs (default: 2 × cores).", Environment.ProcessorCount * 2, 1, 64);
        var output = KcOption.Value("--out", "<dir>", "Where run folders go (default reports/out).");
        var patience = TargetOptions.PatienceOption();
        var command = new Command("upgrade", "Certify an upgrade with data: seed users, sessions and a login in flight on --from, migrate the same database with --to, verify them on --to, run the suite on both and compare; report in reports/out/<run-id>/ (upgrade.md, compare.md).");
        foreach (var option in new Option[] { from, to, dsn, target, deviations, noSuite, noBrowser, workers, output, patience.Option })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var fromSide = UpgradeInput.Parse("--from", parse.GetValue(from) ?? throw new CliException("--from is missing: give the version upgraded from, e.g. --from v25.4.0."));
            var toSide = UpgradeInput.Parse("--to", parse.GetValue(to) ?? throw new CliException("--to is missing: give the version upgraded to, e.g. --to v26.2.0."));
            var kind = parse.GetValue(target) == "inprocess" ? TargetKind.InProcess : TargetKind.Containers;
            var chosen = parse.GetValue(deviations) ?? [];
            UpgradeInput.Check(fromSide, toSide, parse.GetValue(dsn) ?? "sqlite", kind, chosen);
            var settings = TargetOptions.ToSettings([patience], parse, new HarnessSettings { Patience = Defaults.EnvironmentPatience() });
            if (context.Signals is { } signals)
            {
                signals.Grace = Defaults.StopGrace(settings);
            }

            if (kind == TargetKind.Containers)
            {
                LeftoverCleanup.Run(context.Error, settings.Patience, context.Token);
                var root = RepositoryLayout.ContentRoot;
                var patienceOfContainers = new ContainerPatience(settings.Patience.Factor);
                if (fromSide.Image is null || toSide.Image is null)
                {
                    LocalImages.EnsureDoubleImageAsync(root, context.Out, patienceOfContainers, context.Token).GetAwaiter().GetResult();
                }

                LocalImages.EnsureSmtp4devImageAsync(root, context.Out, patienceOfContainers, context.Token).GetAwaiter().GetResult();
            }

            var overlay = Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "upgrade.yml");
            var plan = new UpgradePlan(
                fromSide, toSide, UpgradeDatabases.For(kind, settings), overlay, [.. chosen], settings,
                new ConformanceTestFilter([], includeBrowser: !parse.GetValue(noBrowser)), parse.GetValue(workers),
                Path.GetFullPath(parse.GetValue(output) ?? RepositoryLayout.OutputRoot),
                Suites: !parse.GetValue(noSuite));
            return Execute(plan, context);
        });
        return command;
    }

    /// <summary>Runs <paramref name="plan"/>, prints the failed findings and the verdict; the exit code.</summary>
    public static int Execute(UpgradePlan plan, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine($"kc upgrade: {plan.From.Label} → {plan.To.Label}, patience {plan.Settings.Patience}" + (plan.Deviations.Count > 0 ? $", deviations {string.Join(",", plan.Deviations)}" : string.Empty));
        var (outcome, suitePassed, runDir) = new UpgradeExecutor(plan, context.Out, () => context.Signals?.Received?.Name).ExecuteAsync(context.Token).GetAwaiter().GetResult();
        if (context.Token.IsCancellationRequested)
        {
            return context.InterruptedExitCode;
        }

        foreach (var line in UpgradeReportWriter.FailureLines(outcome))
        {
            context.Out.WriteLine(line);
        }

        var passed = outcome.Passed && suitePassed;
        context.Out.WriteLine($"kc upgrade {plan.From.Label} → {plan.To.Label}: {(passed ? "PASSED" : "FAILED")} (upgrade: {outcome.Findings.Count - outcome.Failed + (outcome.Error is null ? 0 : 1)}/{outcome.Findings.Count} findings kept{(outcome.Error is null ? string.Empty : "; stopped: " + outcome.Error)}; suite on B: {(!plan.Suites ? "left out (--no-suite)" : suitePassed ? "passed" : "failed")}); report {Path.Combine(runDir, UpgradeReportWriter.MarkdownFile)}");
        return passed ? ExitCodes.Passed : ExitCodes.Failed;
    }
}
