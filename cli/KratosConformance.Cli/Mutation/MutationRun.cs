using System.Diagnostics;
using System.Globalization;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// One mutation run and what it says: the score, the survivors that docs/mutation-survivors.md does not explain
/// (each a missing check, or a row to add with its reason; also written to unexplained-survivors.md), the report.
/// </summary>
public static class MutationRun
{
    public static MutationReport Execute(MutationPlan plan, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(console);
        var clock = Stopwatch.StartNew();
        var reportFile = StrykerRun.RunAsync(plan, console, cancellationToken).GetAwaiter().GetResult();
        var report = MutationReport.Read(reportFile);
        var documented = SurvivorCatalog.Keys();
        var unexplained = report.Survivors.Where(s => !documented.Contains(SurvivorCatalog.Key(s))).ToList();
        console.WriteLine();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mutation score {report.Score:0.00} % ({report.Detected} detected: {report.Killed} killed, {report.Timeout} timeout; {report.Survived} survived, {report.NoCoverage} no coverage) in {clock.Elapsed.TotalMinutes:0.0} min"));
        if (report.Timeout > 0)
        {
            // Stryker counts a timeout as detected. A mutant every test reaches that survives needs a whole suite run,
            // which under --concurrency > 1 (or a loaded machine) can outlast the timeout Stryker set from its lone
            // initial run: the killed-only score is the lower bound.
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"counting only kills: {report.KilledScore:0.00} % (timeouts are detections only when each test run had the cores the initial run had)"));
        }

        console.WriteLine($"{unexplained.Count} survivor(s) not explained in docs/mutation-survivors.md (each is a missing check, or a row to add with its reason):");
        foreach (var survivor in unexplained.Take(50))
        {
            console.WriteLine("  " + SurvivorCatalog.Row(survivor, "<reason>"));
        }

        File.WriteAllLines(Path.Combine(plan.OutputDirectory, "unexplained-survivors.md"), unexplained.Select(s => SurvivorCatalog.Row(s, "<reason>")));
        console.WriteLine($"report: {Path.Combine(plan.OutputDirectory, "reports", "mutation-report.html")}");
        return report;
    }
}
