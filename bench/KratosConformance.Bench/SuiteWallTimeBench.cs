using System.Diagnostics;
using KratosConformance.Runner;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Model;

namespace KratosConformance.Bench;

/// <summary>
/// The whole suite, serial (1 worker) and parallel, through the same in-process NUnit runner ./kc run uses, each run
/// timed from the call to the last result (the target starts and stops inside it). What users wait for.
/// </summary>
public static class SuiteWallTimeBench
{
    public static SuiteWallTime Run(string targetName, HarnessSettings settings, ConformanceTestFilter filter, int workers, TextWriter console)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<TestResult> results;
        try
        {
            results = SuiteRunner.Run(settings, null, filter, workers, _ => { });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SuiteWallTime { Target = targetName, Workers = workers, Skipped = "error: " + e.Message.Split('\n')[0] };
        }

        var wall = clock.Elapsed.TotalSeconds;
        var failed = results.Count(r => r.Outcome == TestOutcome.Failed);
        var na = results.Count(r => r.Outcome == TestOutcome.NotApplicable);
        console.WriteLine($"  suite on {targetName}, {workers} worker(s): {wall:0.0} s for {results.Count} tests ({failed} failed)");
        return new SuiteWallTime
        {
            Target = targetName,
            Workers = workers,
            WallSeconds = Math.Round(wall, 2),
            Tests = results.Count,
            Passed = results.Count - failed - na,
            Failed = failed,
            NotApplicable = na,
            TestSecondsSum = Math.Round(results.Sum(r => r.DurationMs) / 1000, 2),
        };
    }

    public static SuiteWallTime Skipped(string targetName, int workers, string reason) =>
        new() { Target = targetName, Workers = workers, Skipped = "skipped: " + reason };
}
