using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Compare;

/// <summary>Phrases shared by the three comparison renderings, so console, Markdown and HTML say the same thing.</summary>
public static class ComparisonText
{
    public static string Run(RunMetadata run) =>
        $"{run.RunId} (Kratos {run.KratosVersion ?? "?"}{(run.Deviations.Count > 0 ? ", " + string.Join(", ", run.Deviations) : "")})";

    public static string Headline(RunComparison c) => c.HasDifferences
        ? $"{c.OutcomeChanges.Count} outcome changes, {c.TestDiffs.Count} tests with step changes, {c.MessageTextChanges.Count} reworded messages, "
          + $"{c.OnlyInA.Count} tests only in A, {c.OnlyInB.Count} only in B ({c.TestsCompared} tests in both)"
        : $"no differences ({c.TestsCompared} tests in both)";

    public static string Outcome(OutcomeChange change) =>
        $"{change.Id}: {OutcomeSymbols.WireName(change.Before)} → {OutcomeSymbols.WireName(change.After)}";

    public static string Step(StepDiff step)
    {
        var label = step.Label is null ? "" : $" ({step.Label})";
        return step.Kind switch
        {
            StepDiffKind.OnlyInA => $"only in A: #{step.SeqA} {step.Request}{label} → {step.Gist}",
            StepDiffKind.OnlyInB => $"only in B: #{step.SeqB} {step.Request}{label} → {step.Gist}",
            _ => $"A #{step.SeqA} / B #{step.SeqB} {step.Request}{label}",
        };
    }

    public static string Text(IReadOnlyList<string> texts) => string.Join(" | ", texts.Select(t => "\"" + t + "\""));
}
