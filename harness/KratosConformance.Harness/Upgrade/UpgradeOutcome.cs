namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The upgrade section of a report: from which version to which, on what database, the migrations' output, the seeded
/// population and every before/after finding; <see cref="Error"/> when a step could not be taken at all.
/// </summary>
public sealed record UpgradeOutcome
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Database { get; init; }
    public IReadOnlyList<string> Deviations { get; init; } = [];
    public IReadOnlyList<string> Steps { get; init; } = [];
    public IReadOnlyList<UpgradeFinding> Findings { get; init; } = [];
    public string? Error { get; init; }

    public int Failed => Findings.Count(f => !f.Passed) + (Error is null ? 0 : 1);

    public bool Passed => Failed == 0 && Findings.Count > 0;
}
