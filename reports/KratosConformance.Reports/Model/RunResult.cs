namespace KratosConformance.Reports.Model;

/// <summary>The root of results.json.</summary>
public sealed record RunResult
{
    public const int CurrentSchemaVersion = 1;
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required RunMetadata Run { get; init; }
    public required IReadOnlyList<TestResult> Tests { get; init; }
    /// <summary>The field-coverage table of the run (null when the suites' table was not found).</summary>
    public IReadOnlyList<Coverage.FieldCoverageRow>? FieldCoverage { get; init; }
    public RunSummary Summary => RunSummary.Of(Tests);
    /// <summary>"passed" | "failed" | "interrupted", written so a CI script can read the verdict without recounting.</summary>
    public string Verdict => RunVerdict.Of(this).Wire;
}
