using System.Diagnostics;
using KratosConformance.Harness.Targets;
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
            await sink.ClearAsync(cancellationToken).ConfigureAwait(false);
            var runClock = Stopwatch.StartNew();
            var results = SuiteRunner.Run(settings, null, filter, workers, _ => { });
            var failed = results.Where(r => r.Outcome == TestOutcome.Failed).ToList();
            var na = results.Count(r => r.Outcome == TestOutcome.NotApplicable);
            console.WriteLine($"versions: double emulating {version}: {results.Count - failed.Count - na} passed, {failed.Count} failed, {na} not applicable ({runClock.Elapsed.TotalSeconds:0.0} s)");
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
            // A deviation is first tried at the default version; one that version can not show (v26.2.0 sends the
            // code at once, so no choose_method screen, no 1010004) is tried at the older versions, where it can.
            var (version, killers) = (EmulatedVersions[0], new List<string>());
            var runSeconds = 0.0;
            foreach (var candidate in EmulatedVersions)
            {
                var settings = sink.InProcessSettings(Path.Combine(workRoot, $"deviation-{name}-{candidate}")) with { Deviations = [name], Emulate = candidate };
                await sink.ClearAsync(cancellationToken).ConfigureAwait(false);
                var runClock = Stopwatch.StartNew();
                var results = SuiteRunner.Run(settings, null, filter, workers, _ => { });
                runSeconds += runClock.Elapsed.TotalSeconds;
                (version, killers) = (candidate, results.Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.Id).Order(StringComparer.Ordinal).ToList());
                if (killers.Count > 0)
                {
                    break;
                }
            }

            if (killers.Count > 0)
            {
                caught++;
                var at = version == EmulatedVersions[0] ? string.Empty : $" (at {version})";
                console.WriteLine($"  ✓ {name,-32} caught by {killers.Count,2}{at}: {Abbreviate(killers)}  [{runSeconds:0.0} s]");
            }
            else
            {
                missed++;
                console.WriteLine($"  ✗ {name,-32} NOT CAUGHT at any version — no test failed ({description})");
            }
        }

        console.WriteLine($"kill matrix: {caught} of {caught + missed} deviations caught ({clock.Elapsed.TotalSeconds:0.0} s)");
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
