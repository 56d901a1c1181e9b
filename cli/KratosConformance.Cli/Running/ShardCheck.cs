using System.Diagnostics;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Publishing;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "shards" part of ./kc test: the HTTP suites once unsharded and as --shard 1/2 + --shard 2/2 merged with kc
/// merge's code, against the in-process double; the merged run must hold the same test ids with the same outcomes and
/// the same verdict as the unsharded one. One tally per test id compared, plus one for the verdict.
/// </summary>
public static class ShardCheck
{
    public static TestTally Run(string dir, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine("shards: the HTTP suites unsharded, then --shard 1/2 and 2/2 merged (in-process double): same ids, outcomes, verdict");
        var filter = new ConformanceTestFilter([], includeBrowser: false);
        var runSettings = new HarnessSettings { Target = TargetKind.InProcess, Patience = settings.Patience };
        var clock = Stopwatch.StartNew();
        var whole = RunOnce(Path.Combine(dir, "unsharded"), filter, null, workers, settings, console, interruption, cancellationToken);
        var wholeTime = clock.Elapsed;
        var shardDirs = new List<string>();
        for (var i = 1; i <= 2; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (shardFilter, info) = ShardSelection.Plan(filter, new Shard(i, 2), null, runSettings);
            shardDirs.Add(RunOnce(Path.Combine(dir, $"shard-{i}"), shardFilter, info, workers, settings, console, interruption, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var mergedDir = Path.Combine(dir, "merged");
        var merged = ShardMerge.Merge(shardDirs, mergedDir, console);
        Directory.CreateDirectory(mergedDir);
        merged = RunReports.WriteAllAsync(merged, mergedDir, Reports.Coverage.FieldCoverageTable.Load(Path.GetDirectoryName(SuiteAssembly.Path)!), CancellationToken.None).GetAwaiter().GetResult();

        var expected = ResultsJsonReader.Read(whole).Tests.ToDictionary(t => t.Id, t => t.Outcome, StringComparer.Ordinal);
        var actual = merged.Tests.ToDictionary(t => t.Id, t => t.Outcome, StringComparer.Ordinal);
        var differences = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(id => !expected.TryGetValue(id, out var e) || !actual.TryGetValue(id, out var a) || e != a)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var id in differences.Take(10))
        {
            console.WriteLine($"  ✗ {id}: unsharded {Show(expected, id)}, merged {Show(actual, id)}");
        }

        var verdictA = ResultsJsonReader.Read(whole).Verdict;
        var verdictB = merged.Verdict;
        var sameVerdict = verdictA == verdictB && verdictA == "passed";
        console.WriteLine($"shards: {expected.Count} tests unsharded ({wholeTime.TotalSeconds:0.0} s), merged {actual.Count} from 2 shards run one after the other ({(clock.Elapsed - wholeTime).TotalSeconds:0.0} s); {differences.Count} difference(s); verdicts {verdictA} / {verdictB}");
        return new TestTally("shards", expected.Count - differences.Count(expected.ContainsKey) + (sameVerdict ? 1 : 0), differences.Count + (sameVerdict ? 0 : 1), 0);
    }

    private static string Show(Dictionary<string, TestOutcome> outcomes, string id) => outcomes.TryGetValue(id, out var o) ? o.ToString() : "absent";

    private static string RunOnce(string outRoot, ConformanceTestFilter filter, ShardInfo? shard, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var runDir = RunDirectory.Create(outRoot, started);
        var plan = new RunPlan(
            new HarnessSettings { Target = TargetKind.InProcess, Patience = settings.Patience, EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName) },
            filter,
            workers,
            null,
            shard);
        RunExecutor.Execute(plan, runDir, started, console, interruption, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return runDir.Path;
    }
}
