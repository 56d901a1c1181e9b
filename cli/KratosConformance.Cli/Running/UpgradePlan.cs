using KratosConformance.Cli.Validation;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Upgrade;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// One kc upgrade: from which version to which, on what database (<see cref="Database"/> makes it, given the file the
/// Kratos log goes to), the double's upgrade deviations for B, and how the suites run (settings, filter, workers);
/// without <paramref name="Suites"/> only the seeding, the migration and the verification run (no suite runs, no compare).
/// </summary>
public sealed record UpgradePlan(
    UpgradeInput.Side From,
    UpgradeInput.Side To,
    Func<TextWriter, CancellationToken, Task<IUpgradeDatabase>> Database,
    string ConfigOverlay,
    IReadOnlyList<string> Deviations,
    HarnessSettings Settings,
    ConformanceTestFilter Filter,
    int Workers,
    string OutRoot,
    bool Suites = true);
