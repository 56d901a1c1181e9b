using KratosConformance.Cli.Validation;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Upgrade;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The upgrade part of kc test: kc upgrade in-process from v1.3.1 and from v25.4.0 to v26.2.0 with the suite runs
/// (every finding kept, the suite on B passed), then once per upgrade deviation of the double without them: each
/// must make at least one finding fail (caught), as the kill matrix demands of the suites' deviations.
/// </summary>
public static class UpgradeChecks
{
    public static IReadOnlyList<TestTally> Run(string root, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var tallies = new List<TestTally>();
        foreach (var from in new[] { KratosVersion.V1_3_1, KratosVersion.V25_4_0 })
        {
            var plan = Plan(from, [], settings, workers, Path.Combine(root, $"{from}-{KratosVersion.V26_2_0}"), suites: true);
            var (outcome, suitePassed, runDir) = new UpgradeExecutor(plan, console, interruption).ExecuteAsync(cancellationToken).GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var line in UpgradeReportWriter.FailureLines(outcome))
            {
                console.WriteLine(line);
            }

            var suite = File.Exists(Path.Combine(runDir, ResultsJsonWriter.FileName)) ? ResultsJsonReader.Read(runDir).Summary : null;
            var passed = outcome.Findings.Count(f => f.Passed) + (suite is null ? 0 : suite.Passed + suite.ExpectedFailure);
            var failed = outcome.Failed + (suite is null ? 1 : suite.Failed + suite.Interrupted);
            console.WriteLine($"upgrade {from} → {KratosVersion.V26_2_0}: {(outcome.Passed && suitePassed ? "passed" : "FAILED")} ({outcome.Findings.Count - outcome.Failed + (outcome.Error is null ? 0 : 1)}/{outcome.Findings.Count} findings kept; suite on B {(suitePassed ? "passed" : "failed")})");
            if (suite is { NotApplicable: > 0 } na)
            {
                console.WriteLine($"  {na.NotApplicable} suite test(s) not applicable on the upgraded deployment: they need a profile of their own (factor overlays, short code lifespan, whoami aal1), which the version runs cover");
            }

            // Not applicable there is not skipped here: those tests ran and passed in this ./kc test's version runs.
            tallies.Add(new TestTally($"upgrade {from}", passed, failed, 0));
        }

        var caught = 0;
        var missed = new List<string>();
        foreach (var (name, _) in Kratos.Double.Deviations.Upgrade)
        {
            var plan = Plan(KratosVersion.V25_4_0, [name], settings, workers, Path.Combine(root, "deviation-" + name), suites: false);
            var (outcome, _, _) = new UpgradeExecutor(plan, TextWriter.Null, interruption).ExecuteAsync(cancellationToken).GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            var failedFindings = outcome.Findings.Where(f => !f.Passed).ToList();
            if (outcome.Error is null && failedFindings.Count > 0)
            {
                caught++;
                console.WriteLine($"  ✓ {name}: caught by {string.Join("; ", failedFindings.Take(3).Select(f => $"{f.Subject} / {f.Factor} ({f.Before} → {f.After})"))}");
            }
            else
            {
                missed.Add(name);
                console.WriteLine($"  ✗ {name}: not caught ({(outcome.Error is { } error ? "the upgrade stopped: " + error : "every finding as Kratos keeps it")})");
            }
        }

        console.WriteLine($"upgrade deviations: {caught}/{Kratos.Double.Deviations.Upgrade.Count} caught");
        tallies.Add(new TestTally("upgrade deviations", caught, missed.Count, 0));
        return tallies;
    }

    /// <summary>kc upgrade through containers (the local double image, v25.4.0 to v26.2.0, no suite runs): the volume shared by A's and B's containers carries every finding.</summary>
    public static TestTally RunContainers(string root, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine("upgrade (containers): kc upgrade v25.4.0 → v26.2.0 through containers sharing the database volume");
        var plan = Plan(KratosVersion.V25_4_0, [], settings, workers, root, suites: false, TargetKind.Containers);
        var (outcome, _, _) = new UpgradeExecutor(plan, console, interruption).ExecuteAsync(cancellationToken).GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var line in UpgradeReportWriter.FailureLines(outcome))
        {
            console.WriteLine(line);
        }

        console.WriteLine($"upgrade (containers): {(outcome.Passed ? "passed" : "FAILED")} ({outcome.Findings.Count - outcome.Failed + (outcome.Error is null ? 0 : 1)}/{outcome.Findings.Count} findings kept{(outcome.Error is null ? string.Empty : "; stopped: " + outcome.Error)})");
        return new TestTally("upgrade (containers)", outcome.Findings.Count(f => f.Passed), outcome.Failed, 0);
    }

    private static UpgradePlan Plan(
        KratosVersion from, IReadOnlyList<string> deviations, HarnessSettings settings, int workers, string outRoot, bool suites, TargetKind kind = TargetKind.InProcess) => new(
        new UpgradeInput.Side(from, null),
        new UpgradeInput.Side(KratosVersion.V26_2_0, null),
        UpgradeDatabases.For(kind, settings),
        Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "upgrade.yml"),
        deviations,
        new HarnessSettings { Patience = settings.Patience },
        new ConformanceTestFilter([], includeBrowser: false),
        workers,
        outRoot,
        suites);
}
