using KratosConformance.Client.Waiting;

namespace KratosConformance.Cli.Mutation;

/// <summary>What one ./kc mutate runs: which of the configured files, since which git ref, how parallel, where to.</summary>
public sealed record MutationPlan
{
    /// <summary>Globs (relative to the double's project) narrowing the configured mutate list; empty = all of it.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
    /// <summary>Only files changed since this git ref (Stryker's --since).</summary>
    public string? Since { get; init; }
    public int Concurrency { get; init; } = 1;
    /// <summary>A VSTest filter replacing the configured test-case-filter (the sample's few tests); null = the configured one.</summary>
    public string? TestFilter { get; init; }
    public required string OutputDirectory { get; init; }
    /// <summary>The score below which the command exits 1 (0 = never).</summary>
    public double BreakAt { get; init; }
    /// <summary>A named bound on the whole Stryker run (the sample ./kc test runs, scaled by its patience); null = none.</summary>
    public Deadline? Deadline { get; init; }
    /// <summary>The run's patience: every deadline of the suites under Stryker.</summary>
    public Patience Patience { get; init; } = Patience.Default;
}
