namespace KratosConformance.Reports.Model;

/// <summary>
/// Whether a run passes, in one place so the exit code, summary.md, junit and the console agree. A run fails on any
/// failed test (an expected failure that passed is turned into a failure by the baseline). A run with no tests fails
/// too: a filter that matched nothing must not look green in CI. A run stopped by a signal is INTERRUPTED, whatever
/// its tests did before: it neither passes nor fails. A merge of shards that lacks one is INCOMPLETE: never green.
/// </summary>
public sealed record RunVerdict(bool Passed, string Line, bool Interrupted = false, bool Incomplete = false)
{
    /// <summary>"passed" | "failed" | "interrupted" | "incomplete": the verdict field of results.json.</summary>
    public string Wire => Interrupted ? "interrupted" : Incomplete ? "incomplete" : Passed ? "passed" : "failed";

    public static RunVerdict Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Run.Interruption is { } signal)
        {
            return new RunVerdict(false, $"INTERRUPTED by {signal}: {Describe(result.Summary)}", Interrupted: true);
        }

        if (result.Run.Incomplete is { } missing)
        {
            return new RunVerdict(false, $"INCOMPLETE ({missing}): {Describe(result.Summary)}", Incomplete: true);
        }

        return Of(result.Summary);
    }

    public static RunVerdict Of(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Total == 0)
        {
            return new RunVerdict(false, "FAILED: no tests ran");
        }

        var passed = summary.Failed == 0 && summary.Interrupted == 0;
        return new RunVerdict(passed, (passed ? "PASSED: " : "FAILED: ") + Describe(summary));
    }

    /// <summary>"2 failed, 30 passed, 5 not applicable, 3 expected failures (40 tests)", leaving out zero counts.</summary>
    public static string Describe(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<string>();
        if (s.Failed > 0)
        {
            parts.Add($"{s.Failed} failed");
        }

        parts.Add($"{s.Passed} passed");
        if (s.NotApplicable > 0)
        {
            parts.Add($"{s.NotApplicable} not applicable");
        }

        if (s.ExpectedFailure > 0)
        {
            parts.Add(s.ExpectedFailure == 1 ? "1 expected failure" : $"{s.ExpectedFailure} expected failures");
        }

        if (s.Interrupted > 0)
        {
            parts.Add($"{s.Interrupted} interrupted");
        }

        return $"{string.Join(", ", parts)} ({s.Total} {(s.Total == 1 ? "test" : "tests")})";
    }
}
