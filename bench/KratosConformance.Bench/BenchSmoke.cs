using KratosConformance.Runner;

namespace KratosConformance.Bench;

/// <summary>
/// One repetition of everything but the containers runs, the suite narrowed to login.code-mfa.aal2.*, for ./kc test:
/// passes when the benchmark completes, writes its JSON and none of its own flows or readers broke.
/// </summary>
public static class BenchSmoke
{
    public static TestTally Run(string dir, TextWriter console, KratosConformance.Client.Waiting.Patience patience, CancellationToken cancellationToken)
    {
        var plan = new BenchPlan
        {
            Repetitions = 1,
            SkipContainers = true,
            SuiteFilter = new ConformanceTestFilter(["login.code-mfa.aal2.*"], includeBrowser: false),
            SuiteDescription = "login.code-mfa.aal2.* only (smoke)",
            OutputDirectory = dir,
            WorkDirectory = Path.Combine(dir, "work"),
            Patience = patience,
        };
        console.WriteLine("bench: smoke (one repetition, no containers)");
        try
        {
            var report = BenchRun.RunAsync(plan, console, cancellationToken).GetAwaiter().GetResult();
            var file = BenchReportFile.Write(report, dir, BenchReportFile.Stamp());
            var broken = report.Flows.Where(f => f.Error is { } e && !e.StartsWith("skipped:", StringComparison.Ordinal)).Select(f => $"{f.Scenario}/{f.Client}: {f.Error}")
                .Concat(report.Mail.Where(m => m.Skipped?.StartsWith("error:", StringComparison.Ordinal) == true).Select(m => $"{m.Reader}: {m.Skipped}"))
                .Concat(report.FlowFetch?.Skipped is { } fetch ? [$"flow request latency: {fetch}"] : [])
                .ToList();
            foreach (var b in broken)
            {
                console.WriteLine($"  ✗ bench smoke: {b}");
            }

            console.WriteLine($"bench: smoke {(broken.Count == 0 ? "passed" : "FAILED")} ({report.TookSeconds:0} s; {file})");
            return new TestTally("bench smoke", broken.Count == 0 ? 1 : 0, broken.Count == 0 ? 0 : 1, 0);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            console.WriteLine($"  ✗ bench smoke crashed: {e.GetType().Name}: {e.Message}");
            return new TestTally("bench smoke", 0, 1, 0);
        }
    }
}
