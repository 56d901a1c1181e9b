using System.CommandLine;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Cli.Validation;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc run: the conformance suite against one target, a report under reports/out/&lt;run-id&gt;/ (and reports/out/latest
/// once it is complete), live progress on the console, and an exit code that says pass (0), fail (1), bad input (2)
/// or interrupted (130/143).
/// </summary>
public static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var target = TargetOptions.Create();
        var baseline = KcOption.Value("--baseline", "<file>", "Known deviations of this deployment (JSON: {\"expectedFailures\":[{\"id\",\"reason\"}]}). Listed failures do not fail the run; listed tests that pass do.");
        var only = KcOption.Repeatable("--only", "<pattern>", "Run only tests whose id matches, e.g. 'login.code-mfa.aal2.*' (repeatable).");
        var noBrowser = KcOption.Flag("--no-browser", "Leave out the Playwright browser suite (browser-ui).");
        var workers = KcOption.Number("--workers", "<n>", "Parallel test workers (default: 2 × cores).", Environment.ProcessorCount * 2, 1, 64);
        var output = KcOption.Value("--out", "<dir>", "Where run folders go (default reports/out).");
        var shard = KcOption.Value("--shard", "<i/n>", "Run only shard i of n of the selected tests (split by test id; the same split on every runner). Merge the shards' run folders with ./kc merge.");
        shard.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && Shard.TryParse(r.Tokens[0].Value, out var error) is null)
            {
                r.AddError(error!);
            }
        });
        var durations = KcOption.Value("--durations", "<results.json>", "With --shard: balance the shards by the test durations of a previous run (its results.json or run folder) instead of by test id.");
        var command = new Command("run", "Run the conformance suites (login.*, settings.*) and write results.json, junit.xml, summary.md and index.html to reports/out/<run-id>/; reports/out/latest points at the newest run that was not interrupted.");
        target.AddTo(command);
        command.Options.Add(baseline);
        command.Options.Add(only);
        command.Options.Add(noBrowser);
        command.Options.Add(workers);
        command.Options.Add(output);
        command.Options.Add(shard);
        command.Options.Add(durations);
        command.SetAction(parse =>
        {
            var settings = target.ToSettings(parse, Defaults.ForRun());
            if (context.Signals is { } signals)
            {
                signals.Grace = Defaults.StopGrace(settings);
            }

            var loadedBaseline = parse.GetValue(baseline) is { } file ? BaselineFile.Load(file) : null;
            var filter = new ConformanceTestFilter(parse.GetValue(only) ?? [], includeBrowser: !parse.GetValue(noBrowser));
            Reports.Model.ShardInfo? shardInfo = null;
            if (parse.GetValue(shard) is { } shardText)
            {
                (filter, shardInfo) = ShardSelection.Plan(filter, Shard.TryParse(shardText, out _)!, parse.GetValue(durations), settings);
            }
            else if (parse.GetValue(durations) is not null)
            {
                throw new CliException("--durations balances shards: give --shard i/n with it (e.g. --shard 1/2 --durations reports/out/latest/results.json), or leave --durations out.");
            }

            Preflight.CheckAsync(settings, context.Token).GetAwaiter().GetResult();
            if (settings.Target == TargetKind.Containers)
            {
                LeftoverCleanup.Run(context.Error, settings.Patience, context.Token);
            }

            BuildLocalImages(settings, context);
            context.Token.ThrowIfCancellationRequested();
            if (settings.RevealSecrets)
            {
                SecretFiles.CreateOwnerOnly();
                context.Out.WriteLine("kc run: " + ReportBanners.SecretsRevealed);
            }

            var outRoot = Path.GetFullPath(parse.GetValue(output) ?? RepositoryLayout.OutputRoot);
            var started = DateTimeOffset.Now;
            var runDir = RunDirectory.Create(outRoot, started);
            var plan = new RunPlan(
                settings with { EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName) },
                filter,
                parse.GetValue(workers),
                loadedBaseline,
                shardInfo);
            context.Out.WriteLine($"kc run: target {settings.Target.Id()}, patience {settings.Patience}, report {Path.GetRelativePath(Environment.CurrentDirectory, runDir.Path)}" + (shardInfo is null ? string.Empty : $", shard {shardInfo} ({SuiteRunner.Count(filter)} of {shardInfo.Selection.Count} tests, balanced by {shardInfo.Balance})"));
            var verdict = RunExecutor.Execute(plan, runDir, started, context.Out, () => context.Signals?.Received?.Name, context.Token);
            return verdict.Interrupted ? context.InterruptedExitCode : verdict.Passed ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The containers target's local images, built (once, cached by content) after the input was checked and before
    /// the run, with their own progress lines, so a run never waits on a silent cold build.
    /// </summary>
    private static void BuildLocalImages(HarnessSettings settings, CommandContext context)
    {
        if (settings.Target != TargetKind.Containers)
        {
            return;
        }

        var root = RepositoryLayout.ContentRoot;
        if (settings.KratosImage is null)
        {
            LocalImages.EnsureDoubleImageAsync(root, context.Out, new ContainerPatience(settings.Patience.Factor), context.Token).GetAwaiter().GetResult();
        }

        if (settings.Mail == MailSinkKind.Smtp4dev)
        {
            LocalImages.EnsureSmtp4devImageAsync(root, context.Out, new ContainerPatience(settings.Patience.Factor), context.Token).GetAwaiter().GetResult();
        }
    }
}
