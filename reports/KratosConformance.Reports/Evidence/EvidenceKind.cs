namespace KratosConformance.Reports.Evidence;

public enum EvidenceKind
{
    /// <summary>One HTTP exchange with Kratos (request, response, and the flow it carried).</summary>
    Http,
    /// <summary>A mail read from the mailbox.</summary>
    Mail,
    /// <summary>A named step of the scenario ("send code", "submit wrong code").</summary>
    Note,
    /// <summary>A browser artefact: screenshot, trace.zip, page HTML.</summary>
    Browser,
    /// <summary>Kratos log lines captured for the test's time window.</summary>
    Log,
    /// <summary>One check of the suite, passed, failed or warned, with what it read (<see cref="CheckEvidence"/>).</summary>
    Check,
}
