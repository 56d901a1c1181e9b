using System.Reflection;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Baselines;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Publishing;
using KratosConformance.Reports.Terminal;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Executes a run plan: the suites with live progress, then the results with the baseline applied, then every report
/// file. Reports are written even when the run failed, the target could not start or a signal stopped it: what was
/// produced is kept. latest moves to the run only when its results are written and it was not interrupted.
/// </summary>
public static class RunExecutor
{
    /// <summary>Runs the plan into <paramref name="runDir"/>; <paramref name="interruption"/> names the signal that stopped it ("SIGINT").</summary>
    public static RunVerdict Execute(RunPlan plan, RunDirectory runDir, DateTimeOffset started, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runDir);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(interruption);
        var runInfoFile = Path.Combine(runDir.Path, "target.json");
        var total = SuiteRunner.Count(plan.Filter);
        var style = ReferenceEquals(console, StandardStreams.Out) ? ConsoleStyle.ForStandardOutput() : ConsoleStyle.Plain;
        var progress = new ConsoleProgress(console, total, style);
        var tests = SuiteRunner.Run(plan.Settings, runInfoFile, plan.Filter, plan.Workers, progress.Report, cancellationToken);
        var signal = cancellationToken.IsCancellationRequested ? interruption() ?? "SIGINT" : null;

        var info = TargetInfo.Read(runInfoFile);
        var result = new RunResult
        {
            Run = Metadata(plan, runDir, started, info) with { Interruption = signal },
            Tests = tests.OrderBy(t => t.Id, StringComparer.Ordinal).ToList(),
        };

        IReadOnlyList<UnusedBaselineEntry> unused = [];
        if (plan.Baseline is not null)
        {
            var applied = BaselineApplier.Apply(result, plan.Baseline);
            result = applied.Result;
            unused = signal is null ? applied.Unused : [];
        }

        // Evidence files are listed by the writer from disk, so the report shows what the tests really left. Written
        // without the run's token: a stopped run's reports are exactly what must not be lost.
        var coverage = Reports.Coverage.FieldCoverageTable.Load(Path.GetDirectoryName(SuiteAssembly.Path)!);
        result = RunReports.WriteAllAsync(result, runDir.Path, coverage, CancellationToken.None).GetAwaiter().GetResult();
        if (plan.Settings.RevealSecrets)
        {
            SecretFiles.RestrictToOwner(runDir.Path);
        }

        if (signal is null)
        {
            runDir.PointLatestHere();
        }

        console.WriteLine();
        console.Write(FinalTable.Render(result, style));
        foreach (var entry in unused)
        {
            console.WriteLine($"baseline: unused entry {entry}");
        }

        console.WriteLine($"report: {Path.Combine(runDir.Path, "index.html")}" + (signal is null ? string.Empty : " (interrupted: reports/out/latest was not moved)"));
        return RunVerdict.Of(result);
    }

    private static RunMetadata Metadata(RunPlan plan, RunDirectory runDir, DateTimeOffset started, TargetInfo? info)
    {
        var notes = new Dictionary<string, string>
        {
            ["machine"] = $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["workers"] = plan.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["patience"] = plan.Settings.Patience.ToString(),
        };
        if (info is not null)
        {
            if (info.LoginUi is { } ui)
            {
                notes["login-ui"] = ui;
            }

            for (var i = 0; i < info.ConfigChanges.Count; i++)
            {
                notes[$"config.change.{i + 1}"] = info.ConfigChanges[i];
            }
        }

        if (info is null)
        {
            notes["target.error"] = "the target did not report what it ran (it may have failed to start: see the failure messages)";
        }

        return new RunMetadata
        {
            RunId = runDir.RunId,
            Target = plan.Settings.Target.Id(),
            KratosVersion = info?.KratosVersion,
            KratosImage = info?.KratosImage ?? info?.Kratos,
            KratosImageDigest = info?.KratosImageDigest,
            MailAccess = info?.Mail,
            ConfigHash = info?.ConfigHash,
            StartedAt = started,
            FinishedAt = DateTimeOffset.Now,
            HarnessVersion = typeof(RunExecutor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            Deviations = plan.Settings.Deviations,
            SecretsRevealed = plan.Settings.RevealSecrets,
            Shard = plan.Shard,
            Notes = notes,
        };
    }
}
