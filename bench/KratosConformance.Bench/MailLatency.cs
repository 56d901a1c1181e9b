namespace KratosConformance.Bench;

/// <summary>From the sink accepting a login-code mail to a mailbox reader returning its code.</summary>
public sealed record MailLatency
{
    public required string Reader { get; init; }
    /// <summary>What "accepted" means for this reader: the SMTP DATA reply, or Kratos's answer to the request that queued the mail.</summary>
    public required string From { get; init; }
    public double MedianMs { get; init; }
    public double P95Ms { get; init; }
    public IReadOnlyList<double> SamplesMs { get; init; } = [];
    /// <summary>"skipped: …" or the error that stopped the measurement; null when measured.</summary>
    public string? Skipped { get; init; }
}
