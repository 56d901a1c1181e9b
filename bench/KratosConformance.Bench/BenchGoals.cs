using System.Globalization;

namespace KratosConformance.Bench;

/// <summary>Issue 8's goals (and issue 3's flow request goal), judged on a report's figures. Reported, never enforced: a slow machine is not a bug.</summary>
public static class BenchGoals
{
    public const double MaxFlowRatio = 1.3;
    public const double MaxMailMedianMs = 50;
    public const double MaxInProcessSeconds = 20;
    public const double MaxContainersSeconds = 45;
    public const double MinSpeedup = 2.5;
    /// <summary>Issue 3: a flow request answered by the double in well under 5 ms.</summary>
    public const double MaxFlowFetchMedianMs = 5;

    public static IReadOnlyList<Goal> Judge(BenchReport report)
    {
        var goals = new List<Goal>();
        foreach (var target in report.Flows.Select(f => f.Target).Distinct())
        {
            var measured = report.Flows.Where(f => f.Target == target && f.Error is null && double.IsFinite(f.Ratio)).ToList();
            if (measured.Count == 0)
            {
                goals.Add(new Goal($"per-flow overhead ({target})", $"≤ {MaxFlowRatio}×", "no flow measured", null));
                continue;
            }

            var worst = measured.MaxBy(f => f.Ratio)!;
            var within = measured.Count(f => f.Ratio <= MaxFlowRatio);
            goals.Add(new Goal(
                $"per-flow overhead ({target})",
                $"≤ {MaxFlowRatio}× for every scenario × client",
                F($"{within}/{measured.Count} within; worst {worst.Ratio:0.00}× ({worst.Scenario}/{worst.Client}); median ratio {Stats.Median(measured.Select(f => f.Ratio).ToList()):0.00}×"),
                within == measured.Count));
        }

        foreach (var m in report.Mail.Where(m => m.Skipped is null))
        {
            goals.Add(new Goal($"mail detection, {m.Reader}", $"median ≤ {MaxMailMedianMs} ms", F($"median {m.MedianMs:0.0} ms, p95 {m.P95Ms:0.0} ms"), m.MedianMs <= MaxMailMedianMs));
        }

        if (report.FlowFetch is { } fetch)
        {
            goals.Add(fetch.Skipped is null
                ? new Goal("flow request to the double", F($"median < {MaxFlowFetchMedianMs} ms"), F($"median {fetch.MedianMs:0.00} ms, p95 {fetch.P95Ms:0.00} ms, max {fetch.MaxMs:0.0} ms ({fetch.SamplesMs.Count} requests)"), fetch.MedianMs < MaxFlowFetchMedianMs)
                : new Goal("flow request to the double", F($"median < {MaxFlowFetchMedianMs} ms"), fetch.Skipped, null));
        }

        foreach (var target in report.Suite.Select(s => s.Target).Distinct())
        {
            var serial = report.Suite.FirstOrDefault(s => s.Target == target && s.Workers == 1 && s.Skipped is null);
            var parallel = report.Suite.FirstOrDefault(s => s.Target == target && s.Workers > 1 && s.Skipped is null);
            var limit = target == "containers" ? MaxContainersSeconds : target == "inprocess" ? MaxInProcessSeconds : (double?)null;
            if (limit is { } max)
            {
                var best = parallel ?? serial;
                goals.Add(new Goal($"suite wall time ({target})", F($"< {max:0} s"), best is null ? "not run" : F($"{best.WallSeconds:0.0} s with {best.Workers} worker(s), {best.Tests} tests"), best is null ? null : best.WallSeconds < max));
            }

            goals.Add(serial is null || parallel is null || parallel.WallSeconds <= 0
                ? new Goal($"parallel speed-up ({target})", F($"≥ {MinSpeedup}×"), "not measured (a run was skipped or failed)", null)
                : new Goal(
                    $"parallel speed-up ({target})",
                    F($"≥ {MinSpeedup}× where flows allow"),
                    F($"{serial.WallSeconds / parallel.WallSeconds:0.00}× ({serial.WallSeconds:0.0} s → {parallel.WallSeconds:0.0} s, {parallel.Workers} workers)"),
                    serial.WallSeconds / parallel.WallSeconds >= MinSpeedup));
        }

        return goals;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
