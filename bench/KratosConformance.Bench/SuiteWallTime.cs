namespace KratosConformance.Bench;

/// <summary>One whole-suite run, timed end to end (target start, every test, target stop).</summary>
public sealed record SuiteWallTime
{
    public required string Target { get; init; }
    public required int Workers { get; init; }
    public double WallSeconds { get; init; }
    public int Tests { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int NotApplicable { get; init; }
    /// <summary>Sum of the tests' own durations: with WallSeconds it shows how much ran in parallel.</summary>
    public double TestSecondsSum { get; init; }
    /// <summary>"skipped: …" or the error that stopped the run; null when measured.</summary>
    public string? Skipped { get; init; }
}
