using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Baselines;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>One run of the suites: settings, test selection, parallelism and the deployment's baseline.</summary>
public sealed record RunPlan(HarnessSettings Settings, ConformanceTestFilter Filter, int Workers, Baseline? Baseline);
