namespace KratosConformance.Reports.Coverage;

/// <summary>One row of the field-coverage table of a run (results.json fieldCoverage, summary.md, index.html).</summary>
public sealed record FieldCoverageRow
{
    /// <summary>The field in OpenAPI schema terms (<c>loginFlow.state</c>), or a header, cookie attribute or mail part.</summary>
    public required string Field { get; init; }
    public required FieldStatus Status { get; init; }
    /// <summary>The ids of the checks that read it (from the committed table).</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];
    /// <summary>How many check evaluations in this run read it.</summary>
    public int Evaluations { get; init; }
    /// <summary>Why it is exempt, or what the gap is.</summary>
    public string? Reason { get; init; }
}
