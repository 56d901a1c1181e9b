namespace KratosConformance.Reports.Baselines;

/// <summary>A baseline entry that matched no failure: the test did not run, or did not apply. Why says which.</summary>
public sealed record UnusedBaselineEntry(BaselineEntry Entry, string Why)
{
    public override string ToString() => $"{Entry.Id}: {Why} (baseline reason: {Entry.Reason})";
}
