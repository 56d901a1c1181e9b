namespace KratosConformance.Bench;

/// <summary>The harness's time per flow against the hand-written replay's, for one scenario and client style on one target.</summary>
public sealed record FlowOverhead
{
    public required string Target { get; init; }
    public required string Scenario { get; init; }
    public required string Client { get; init; }
    /// <summary>Median wall time of one complete harness flow, ms (identity creation and deletion included).</summary>
    public double HarnessMedianMs { get; init; }
    /// <summary>Median wall time of the replay of the same request sequence, ms.</summary>
    public double ReplayMedianMs { get; init; }
    /// <summary>HarnessMedianMs / ReplayMedianMs; goal ≤ 1.3.</summary>
    public double Ratio { get; init; }
    /// <summary>Median of the part of a flow spent waiting for the code mail (harness: its mailbox reader; replay: a 5 ms poll).</summary>
    public double HarnessMailWaitMedianMs { get; init; }
    public double ReplayMailWaitMedianMs { get; init; }
    /// <summary>Requests each side sent to Kratos per flow; equal numbers show both did the same sequence.</summary>
    public int HarnessRequests { get; init; }
    public int ReplayRequests { get; init; }
    public IReadOnlyList<double> HarnessSamplesMs { get; init; } = [];
    public IReadOnlyList<double> ReplaySamplesMs { get; init; } = [];
    /// <summary>Why there is no figure (a flow went wrong, or the replay cannot read this sink); null when measured.</summary>
    public string? Error { get; init; }
}
