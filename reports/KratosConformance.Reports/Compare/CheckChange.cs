using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Compare;

/// <summary>
/// A check of a test that ended differently in run B than in run A (passed → failed, or ran in one run only): with
/// checks recorded as evidence, an upgrade shows what stopped being verified, not only which tests turned red.
/// </summary>
public sealed record CheckChange(string TestId, string CheckId, string InA, string InB)
{
    public static IReadOnlyList<CheckChange> Between(IEnumerable<TestResult> a, IEnumerable<TestResult> b)
    {
        var testsB = b.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var changes = new List<CheckChange>();
        foreach (var testA in a)
        {
            if (!testsB.TryGetValue(testA.Id, out var testB) || (testA.Checks.Count == 0 && testB.Checks.Count == 0))
            {
                continue;
            }

            var ids = testA.Checks.Concat(testB.Checks).Select(c => c.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var inA = Tally(testA.Checks, id);
                var inB = Tally(testB.Checks, id);
                if (Worst(testA.Checks, id) != Worst(testB.Checks, id))
                {
                    changes.Add(new CheckChange(testA.Id, id, inA, inB));
                }
            }
        }

        return changes;
    }

    public override string ToString() => $"{TestId} {CheckId}: {InA} → {InB}";

    private static string Tally(IReadOnlyList<CheckEvidence> checks, string id)
    {
        var of = checks.Where(c => c.Id == id).ToList();
        return of.Count == 0
            ? "not run"
            : string.Join(", ", of.GroupBy(c => c.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} ×{g.Count()}"));
    }

    // The outcome that matters: any failure, else any warning, else passed; null when the check did not run.
    private static CheckOutcome? Worst(IReadOnlyList<CheckEvidence> checks, string id)
    {
        var of = checks.Where(c => c.Id == id).Select(c => c.Outcome).ToList();
        return of.Count == 0 ? null : of.Contains(CheckOutcome.Failed) ? CheckOutcome.Failed : of.Contains(CheckOutcome.Warned) ? CheckOutcome.Warned : CheckOutcome.Passed;
    }
}
