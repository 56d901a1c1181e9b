namespace KratosConformance.Reports.Model;

/// <summary>The verdict of one conformance test, as written to results.json (kebab-case on the wire).</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    /// <summary>The scenario does not apply to this Kratos version or configuration; the reason says why.</summary>
    NotApplicable,
    /// <summary>Failed, and the baseline lists this failure as a known deviation of the deployment.</summary>
    ExpectedFailure,
}
