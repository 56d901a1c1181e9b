namespace KratosConformance.Reports.Baselines;

/// <summary>One known deviation: the test expected to fail on this deployment, and why.</summary>
public sealed record BaselineEntry(string Id, string Reason);
