using KratosConformance.Reports.Model;

namespace KratosConformance.Runner;

/// <summary>
/// Whether the suites caught one deviation of the double: the version it was tried at last and the tests that failed
/// there. Caught means at least one test failed that passed at that version without the deviation (the clean version
/// run): a test that fails anyway (a broken build, a broken double) proves nothing about the deviation. An interrupted
/// test catches nothing.
/// </summary>
public sealed record DeviationVerdict(string Deviation, string Version, IReadOnlyList<string> Killers)
{
    public bool Caught => Killers.Count > 0;

    /// <summary>
    /// Tries <paramref name="versions"/> in order until one catches the deviation: a deviation the default version can
    /// not show (v26.2.0 sends the code at once, so no choose_method screen, no 1010004) is tried at older versions.
    /// </summary>
    /// <param name="deviation">The deviation's name.</param>
    /// <param name="versions">The emulated versions to try, newest first.</param>
    /// <param name="passedClean">The ids of the tests that passed at each version in the clean run.</param>
    /// <param name="runAt">Runs the suites with the deviation at a version.</param>
    public static DeviationVerdict Decide(
        string deviation, IReadOnlyList<string> versions, IReadOnlyDictionary<string, IReadOnlySet<string>> passedClean, Func<string, IReadOnlyList<TestResult>> runAt)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(passedClean);
        ArgumentNullException.ThrowIfNull(runAt);
        if (versions.Count == 0)
        {
            throw new ArgumentException("a deviation needs at least one version to be tried at", nameof(versions));
        }

        var verdict = new DeviationVerdict(deviation, versions[0], []);
        foreach (var version in versions)
        {
            var clean = passedClean.TryGetValue(version, out var passed) ? passed : new HashSet<string>();
            verdict = new DeviationVerdict(deviation, version, KillersIn(runAt(version)).Where(clean.Contains).ToList());
            if (verdict.Caught)
            {
                break;
            }
        }

        return verdict;
    }

    /// <summary>The ids of failed tests, sorted: what caught a deviation if they passed without it.</summary>
    public static IReadOnlyList<string> KillersIn(IEnumerable<TestResult> results) =>
        (results ?? throw new ArgumentNullException(nameof(results))).Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>The ids of the tests that passed: a clean version run's, against which a deviation's failures count.</summary>
    public static IReadOnlySet<string> PassedIn(IEnumerable<TestResult> results) =>
        (results ?? throw new ArgumentNullException(nameof(results))).Where(r => r.Outcome == TestOutcome.Passed).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The kill matrix's line in ./kc test: a caught deviation passes, a missed one fails.</summary>
    public static TestTally Tally(IReadOnlyCollection<DeviationVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return new TestTally("kill matrix", verdicts.Count(v => v.Caught), verdicts.Count(v => !v.Caught), 0);
    }

    /// <summary>
    /// A clean run at an emulated version: every test passes or is not applicable. An interrupted test counts as failed
    /// here, because a self-test run that did not finish has not shown the double conforms.
    /// </summary>
    public static TestTally VersionTally(string version, IReadOnlyCollection<TestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failed = results.Count(r => r.Outcome is TestOutcome.Failed or TestOutcome.Interrupted);
        var na = results.Count(r => r.Outcome == TestOutcome.NotApplicable);
        return new TestTally("emulate " + version, results.Count - failed - na, failed, na);
    }
}
