namespace KratosConformance.Reports.Coverage;

/// <summary>What a run says about one documented response field.</summary>
public enum FieldStatus
{
    /// <summary>Checks that read it ran in this run and all passed (or warned).</summary>
    Verified,
    /// <summary>A check that reads it failed in this run.</summary>
    Failed,
    /// <summary>Checks read it, but none of them ran in this run (a filtered run, or their scenarios were not applicable).</summary>
    NotRun,
    /// <summary>Deliberately unchecked; the reason says why.</summary>
    Exempt,
    /// <summary>A finding: documented, but no check reads it and no exemption names it.</summary>
    Gap,
}
