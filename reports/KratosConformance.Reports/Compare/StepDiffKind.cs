namespace KratosConformance.Reports.Compare;

public enum StepDiffKind
{
    /// <summary>The same request in both runs, with different status, state, messages, nodes or error id.</summary>
    Changed,
    /// <summary>A request only run A made (e.g. "send code", which v26.2.0 no longer needs).</summary>
    OnlyInA,
    OnlyInB,
}
