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
    /// <summary>
    /// The run was stopped (SIGINT, SIGTERM) before this test finished: says nothing about Kratos, so it is neither a
    /// pass nor a failure, and a comparison must not read it as a change.
    /// </summary>
    Interrupted,
}
