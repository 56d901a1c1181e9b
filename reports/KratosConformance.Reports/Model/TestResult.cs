namespace KratosConformance.Reports.Model;

/// <summary>One conformance test's result. <see cref="Id"/> is stable across runs: login.code-mfa.&lt;scenario&gt;.&lt;client&gt;.</summary>
public sealed record TestResult
{
    public required string Id { get; init; }
    public required string Scenario { get; init; }
    public required string Client { get; init; }
    public required TestOutcome Outcome { get; init; }
    public double DurationMs { get; init; }
    /// <summary>The failure message (or the not-applicable reason), exactly as the test produced it.</summary>
    public string? Message { get; init; }
    /// <summary>The test's one-line summary with the spec section it encodes.</summary>
    public string? Summary { get; init; }
    /// <summary>Baseline note: why a failure is expected, or that an expected failure stopped happening.</summary>
    public string? BaselineNote { get; init; }
    /// <summary>Evidence directory of this test, relative to the run directory (evidence/&lt;id&gt;).</summary>
    public string? EvidenceDirectory { get; init; }
    /// <summary>Evidence files, relative to the run directory.</summary>
    public IReadOnlyList<string> EvidenceFiles { get; init; } = [];
    /// <summary>Every check the test ran, in order, passed, failed or warned: what was verified, not only what failed.</summary>
    public IReadOnlyList<Evidence.CheckEvidence> Checks { get; init; } = [];
}
