using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Baselines;

/// <summary>The run with the baseline applied, and the entries that matched nothing (for the CLI to print).</summary>
public sealed record BaselineApplication(RunResult Result, IReadOnlyList<UnusedBaselineEntry> Unused);
