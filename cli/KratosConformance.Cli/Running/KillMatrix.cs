using System.Diagnostics;
using KratosConformance.Fixtures.Targets;
using KratosConformance.Reports.Model;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The proof that the suites catch a misbehaving Kratos: the suite runs against the reference double once clean, then
/// once per named deviation. A deviation that no test notices is a hole in the suites, and fails ./kc test.
/// The same machinery runs the suite against the double emulating older Kratos versions.
/// </summary>
public static class KillMatrix
{
    public static IReadOnlyList<string> EmulatedVersions { get; } = ["v26.2.0", "v25.4.0", "v1.3.1"];

    public static async Task<IReadOnlyList<TestTally>> RunAsync(string workRoot, int workers, TextWriter console, CancellationToken cancellationToken)
    {
        await using var sink = await SharedMailSink.StartAsync(cancellationToken).ConfigureAwait(false);
        var filter = new ConformanceTestFilter([], includeBrowser: false);
        var tallies = new List<TestTally>();
        var clock = Stopwatch.StartNew();

        foreach (var version in EmulatedVersions)
        {
            var settings = sink.InProcessSettings(Path.Combine(workRoot, "emulate-" + version)) with { Emulate = version };
            var results = SuiteRunner.Run(settings, null, filter, workers, _ => { });
            var failed = results.Where(r => r.Outcome == TestOutcome.Failed).ToList();
            var na = results.Count(r => r.Outcome == TestOutcome.NotApplicable);
            console.WriteLine($"versions: double emulating {version}: {results.Count - failed.Count - na} passed, {failed.Count} failed, {na} not applicable");
            foreach (var f in failed)
            {
                console.WriteLine($"  ✗ {f.Id}: {FirstLine(f.Message)}");
            }

            tallies.Add(new TestTally("emulate " + version, results.Count - failed.Count - na, failed.Count, na));
        }

        console.WriteLine();
        console.WriteLine("kill matrix: deviation → tests that caught it");
        int caught = 0, missed = 0;
        foreach (var (name, description) in Kratos.Double.Deviations.All)
        {
            var settings = sink.InProcessSettings(Path.Combine(workRoot, "deviation-" + name)) with { Deviations = [name] };
            var results = SuiteRunner.Run(settings, null, filter, workers, _ => { });
            var killers = results.Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            if (killers.Count > 0)
            {
                caught++;
                console.WriteLine($"  ✓ {name,-32} caught by {killers.Count,2}: {Abbreviate(killers)}");
            }
            else
            {
                missed++;
                console.WriteLine($"  ✗ {name,-32} NOT CAUGHT — no test failed ({description})");
            }
        }

        console.WriteLine($"kill matrix: {caught} of {caught + missed} deviations caught ({clock.Elapsed.TotalSeconds:0.0} s for {EmulatedVersions.Count} version runs and {caught + missed} deviation runs)");
        tallies.Add(new TestTally("kill matrix", caught, missed, 0));
        return tallies;
    }

    private static string Abbreviate(IReadOnlyList<string> ids)
    {
        var shortIds = ids.Select(i => i.Replace("login.code-mfa.", string.Empty, StringComparison.Ordinal)).ToList();
        return shortIds.Count <= 4 ? string.Join(", ", shortIds) : string.Join(", ", shortIds.Take(4)) + $", … (+{shortIds.Count - 4})";
    }

    private static string FirstLine(string? message) => (message ?? string.Empty).Split('\n')[0].Trim();
}
