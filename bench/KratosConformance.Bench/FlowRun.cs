namespace KratosConformance.Bench;

/// <summary>What one timed flow reports besides its wall time: requests sent to Kratos, and the part spent waiting for mail.</summary>
public sealed record FlowRun(int Requests, double MailWaitMs);
