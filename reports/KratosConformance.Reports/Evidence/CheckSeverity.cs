namespace KratosConformance.Reports.Evidence;

/// <summary>
/// What a failed check does, chosen where the check is called (the OpenID conformance suite's callAndStopOnFailure /
/// callAndContinueOnFailure): a precondition of the next step stops the test, an independent expectation is recorded
/// and the test goes on (it fails at the end), an advisory one only warns.
/// </summary>
public enum CheckSeverity
{
    Stop,
    Record,
    Warn,
}
