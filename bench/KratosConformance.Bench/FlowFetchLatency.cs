namespace KratosConformance.Bench;

/// <summary>
/// How long the local double takes to answer a flow request (GET /self-service/login/flows?id=…), the speed goal of
/// issue 3 ("a flow request answered in well under 5 ms"). Reported by ./kc bench, never asserted by a test.
/// </summary>
public sealed record FlowFetchLatency
{
    public double MedianMs { get; init; }
    public double P95Ms { get; init; }
    public double MaxMs { get; init; }
    public IReadOnlyList<double> SamplesMs { get; init; } = [];
    /// <summary>"skipped: …" or "error: …" when there is no figure; null when measured.</summary>
    public string? Skipped { get; init; }
}
