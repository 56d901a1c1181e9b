using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Compare;

/// <summary>What changed from run A to run B: what `./kc compare` prints and writes.</summary>
public sealed record RunComparison
{
    public required string DirectoryA { get; init; }
    public required string DirectoryB { get; init; }
    public required RunMetadata RunA { get; init; }
    public required RunMetadata RunB { get; init; }
    public IReadOnlyList<OutcomeChange> OutcomeChanges { get; init; } = [];
    public IReadOnlyList<TestResult> OnlyInA { get; init; } = [];
    public IReadOnlyList<TestResult> OnlyInB { get; init; } = [];
    public IReadOnlyList<MessageTextChange> MessageTextChanges { get; init; } = [];
    public IReadOnlyList<TestDiff> TestDiffs { get; init; } = [];
    /// <summary>Checks whose outcome changed between the runs (or that ran in one of them only).</summary>
    public IReadOnlyList<CheckChange> CheckChanges { get; init; } = [];
    public int TestsCompared { get; init; }

    public bool HasDifferences =>
        OutcomeChanges.Count + OnlyInA.Count + OnlyInB.Count + MessageTextChanges.Count + TestDiffs.Count + CheckChanges.Count > 0;
}
