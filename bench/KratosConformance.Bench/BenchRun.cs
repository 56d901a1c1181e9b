using System.Diagnostics;
using KratosConformance.Runner;
using KratosConformance.Containers;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Bench;

/// <summary>
/// Runs the measurements in an order that keeps them apart: flows and mail first on a quiet process (one shared
/// smtp4dev, the local double), then a user's own target, then the suite runs, which load the machine most.
/// </summary>
public static class BenchRun
{
    public static async Task<BenchReport> RunAsync(BenchPlan plan, TextWriter console, CancellationToken ct)
    {
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();
        var flows = new List<FlowOverhead>();

        console.WriteLine("bench: starting smtp4dev (shared by every in-process measurement)");
        var sinkClock = Stopwatch.StartNew();
        await using var sink = await SharedMailSink.StartAsync(plan.Patience, ct);
        var sinkSeconds = sinkClock.Elapsed.TotalSeconds;

        console.WriteLine($"bench: per-flow overhead on the local double ({plan.Repetitions} repetitions × {SeedScenarios.All.Count} scenarios × 3 clients, harness and replay interleaved)");
        IReadOnlyList<MailLatency> mail;
        FlowFetchLatency flowFetch;
        await using (var local = await ConformanceTargets.CreateAsync(sink.InProcessSettings(Path.Combine(plan.WorkDirectory, "flows-inprocess")), TextWriter.Null, ct))
        {
            var deployment = (await local.GetDeploymentAsync(KratosProfiles.Default, ct)).Deployment
                ?? throw new InvalidOperationException("The in-process target has no default profile.");
            flows.AddRange(await FlowOverheadBench.RunAsync(TargetKind.InProcess.Id(), deployment, plan.Repetitions, plan.Patience, Path.Combine(plan.WorkDirectory, "flows-inprocess"), console, ct));
            console.WriteLine($"bench: mail detection latency ({plan.MailSamples} samples per reader)");
            mail = await MailLatencyBench.RunAsync(sink.Process, deployment, plan.MailSamples, plan.Patience, console, ct);
            console.WriteLine($"bench: flow request latency of the local double ({plan.FlowFetchSamples} samples)");
            flowFetch = await FlowFetchBench.RunAsync(deployment.Endpoints, plan.FlowFetchSamples, ct);
        }

        if (plan.ExtraTarget is { } extra)
        {
            flows.AddRange(await ExtraTargetFlowsAsync(extra, plan, console, notes, ct));
        }

        console.WriteLine($"bench: suite wall time ({plan.SuiteDescription}; serial, then {plan.ParallelWorkers} workers)");
        var suite = new List<SuiteWallTime>();
        var inprocess = plan.ExtraTarget is { Target: TargetKind.InProcess } own
            ? (own.MailUrl is null ? own with { MailUrl = sink.InProcessSettings(string.Empty, own.MailAccess).MailUrl, SmtpUri = sink.InProcessSettings(string.Empty).SmtpUri } : own)
            : sink.InProcessSettings(string.Empty);
        suite.AddRange(SerialAndParallel(TargetKind.InProcess.Id(), inprocess, plan, console));
        notes.Add($"inprocess suite runs share one smtp4dev; ./kc run --target inprocess also starts its own ({sinkSeconds:0.0} s here)");

        var containerReason = plan.SkipContainers ? "--skip-containers" : await DockerEnvironment.CheckAvailableAsync(ct);
        if (containerReason is not null)
        {
            suite.Add(SuiteWallTimeBench.Skipped(TargetKind.Containers.Id(), 1, containerReason));
            suite.Add(SuiteWallTimeBench.Skipped(TargetKind.Containers.Id(), plan.ParallelWorkers, containerReason));
        }
        else
        {
            var containers = plan.ExtraTarget is { Target: TargetKind.Containers } c ? c : new HarnessSettings { Target = TargetKind.Containers };
            suite.AddRange(SerialAndParallel(TargetKind.Containers.Id(), containers, plan, console));
        }

        if (plan.ExtraTarget is { Target: TargetKind.External } external)
        {
            suite.AddRange(SerialAndParallel(TargetKind.External.Id(), external, plan, console));
        }

        var report = new BenchReport
        {
            StartedAt = started,
            TookSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            Repetitions = plan.Repetitions,
            Machine = MachineNotes.Now(),
            MailSinkStartSeconds = Math.Round(sinkSeconds, 2),
            Flows = flows,
            Mail = mail,
            FlowFetch = flowFetch,
            Suite = suite,
            Notes = notes,
        };
        return report with { Goals = BenchGoals.Judge(report) };
    }

    private static async Task<IReadOnlyList<FlowOverhead>> ExtraTargetFlowsAsync(HarnessSettings extra, BenchPlan plan, TextWriter console, List<string> notes, CancellationToken ct)
    {
        console.WriteLine($"bench: per-flow overhead on --target {extra.Target.Id()}");
        try
        {
            var evidence = Path.Combine(plan.WorkDirectory, "flows-" + extra.Target.Id());
            await using var target = await ConformanceTargets.CreateAsync(extra with { EvidenceRoot = evidence }, console, ct);
            var lookup = await target.GetDeploymentAsync(KratosProfiles.Default, ct);
            if (lookup.Deployment is null)
            {
                notes.Add($"flows on {extra.Target.Id()}: skipped: {lookup.NotAvailableReason}");
                return [];
            }

            return await FlowOverheadBench.RunAsync(extra.Target.Id(), lookup.Deployment, plan.Repetitions, plan.Patience, evidence, console, ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            notes.Add($"flows on {extra.Target.Id()}: skipped: {e.Message.Split('\n')[0]}");
            return [];
        }
    }

    private static IEnumerable<SuiteWallTime> SerialAndParallel(string name, HarnessSettings settings, BenchPlan plan, TextWriter console)
    {
        foreach (var workers in new[] { 1, plan.ParallelWorkers })
        {
            var evidence = Path.Combine(plan.WorkDirectory, $"suite-{name}-{workers}w");
            yield return SuiteWallTimeBench.Run(name, settings with { EvidenceRoot = evidence }, plan.SuiteFilter, workers, console);
        }
    }
}
