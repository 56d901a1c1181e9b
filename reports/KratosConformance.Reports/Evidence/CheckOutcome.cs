namespace KratosConformance.Reports.Evidence;

/// <summary>How one check ended.</summary>
public enum CheckOutcome
{
    Passed,
    Failed,
    /// <summary>The condition did not hold, and the call site asked for a warning only: the test goes on and can pass.</summary>
    Warned,
}
