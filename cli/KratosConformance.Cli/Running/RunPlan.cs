using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Baselines;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>One run of the suites: settings, test selection, parallelism, the deployment's baseline and, for one shard of a split run, which.</summary>
public sealed record RunPlan(HarnessSettings Settings, ConformanceTestFilter Filter, int Workers, Baseline? Baseline, Reports.Model.ShardInfo? Shard = null);
