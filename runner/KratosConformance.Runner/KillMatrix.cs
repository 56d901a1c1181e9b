using System.Diagnostics;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.MailSinks;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Model;

namespace KratosConformance.Runner;

/// <summary>
/// The proof that the suites catch a misbehaving Kratos: the suite runs against the reference double once clean, then
/// once per named deviation. A deviation that no test notices is a hole in the suites, and fails ./kc test.
/// The same machinery runs the suite against the double emulating older Kratos versions. The runs share one set of
/// doubles (<see cref="SharedInProcessTarget"/>), switched per run, and one in-memory SMTP sink
/// (<see cref="InMemorySmtpSink"/>: smtp4dev's cost per mail was most of the runs' CPU), emptied per run; the
/// self-tests and the containers runs read smtp4dev. What counts as caught is
/// <see cref="DeviationVerdict"/>; this class only runs the suites and prints.
/// </summary>
public static class KillMatrix
{
    public static IReadOnlyList<string> EmulatedVersions { get; } = ["v26.2.0", "v25.4.0", "v1.3.1"];

    public static Task<IReadOnlyList<TestTally>> RunAsync(string workRoot, int workers, TextWriter console, CancellationToken cancellationToken) =>
        RunAsync(workRoot, workers, console, Patience.Default, cancellationToken);

    /// <summary>As above; every run of the matrix gets <paramref name="patience"/> (./kc test --patience).</summary>
    public static async Task<IReadOnlyList<TestTally>> RunAsync(string workRoot, int workers, TextWriter console, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        // One mail sink and one set of doubles for every run: each run empties the sink and switches the doubles to its
        // deviation and version with an empty store.
        await using var sink = InMemorySmtpSink.Start();
        var shared = new HarnessSettings { Target = TargetKind.InProcess, SmtpUri = sink.SmtpUri, EvidenceRoot = workRoot, Patience = patience };
        await using var doubles = await SharedInProcessTarget.StartAsync(shared, sink, cancellationToken).ConfigureAwait(false);
        var filter = new ConformanceTestFilter([], includeBrowser: false);
        var tallies = new List<TestTally>();
        var passedClean = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        foreach (var version in EmulatedVersions)
        {
            var settings = shared with { EvidenceRoot = Path.Combine(workRoot, "emulate-" + version), Emulate = version };
            sink.Clear();
            var runClock = Stopwatch.StartNew();
            var results = SuiteRunner.Run(settings, null, filter, workers, _ => { }, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var tally = DeviationVerdict.VersionTally(version, results);
            passedClean[version] = DeviationVerdict.PassedIn(results);
            console.WriteLine($"versions: double emulating {version}: {tally.Passed} passed, {tally.Failed} failed, {tally.Skipped} not applicable ({runClock.Elapsed.TotalSeconds:0.0} s)");
            foreach (var f in results.Where(r => r.Outcome is TestOutcome.Failed or TestOutcome.Interrupted))
            {
                console.WriteLine($"  ✗ {f.Id}: {FirstLine(f.Message)}");
            }

            tallies.Add(tally);
        }

        console.WriteLine();
        console.WriteLine("kill matrix: deviation → tests that caught it");
        var verdicts = new List<DeviationVerdict>();
        foreach (var (name, description) in Kratos.Double.Deviations.All)
        {
            var runClock = Stopwatch.StartNew();
            var verdict = DeviationVerdict.Decide(name, EmulatedVersions, passedClean, candidate =>
            {
                var settings = shared with { EvidenceRoot = Path.Combine(workRoot, $"deviation-{name}-{candidate}"), Deviations = [name], Emulate = candidate };
                sink.Clear();
                var results = SuiteRunner.Run(settings, null, filter, workers, _ => { }, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                return results;
            });
            verdicts.Add(verdict);
            if (verdict.Caught)
            {
                var at = verdict.Version == EmulatedVersions[0] ? string.Empty : $" (at {verdict.Version})";
                console.WriteLine($"  ✓ {name,-32} caught by {verdict.Killers.Count,2}{at}: {Abbreviate(verdict.Killers)}  [{runClock.Elapsed.TotalSeconds:0.0} s]");
            }
            else
            {
                console.WriteLine($"  ✗ {name,-32} NOT CAUGHT at any version — no test that passes without it failed ({description})");
            }
        }

        var matrix = DeviationVerdict.Tally(verdicts);
        console.WriteLine($"kill matrix: {matrix.Passed} of {verdicts.Count} deviations caught ({clock.Elapsed.TotalSeconds:0.0} s)");
        tallies.Add(matrix);
        return tallies;
    }

    private static string Abbreviate(IReadOnlyList<string> ids)
    {
        var shortIds = ids.Select(i => i.Replace("login.code-mfa.", string.Empty, StringComparison.Ordinal)).ToList();
        return shortIds.Count <= 4 ? string.Join(", ", shortIds) : string.Join(", ", shortIds.Take(4)) + $", … (+{shortIds.Count - 4})";
    }

    private static string FirstLine(string? message) => (message ?? string.Empty).Split('\n')[0].Trim();
}
