namespace KratosConformance.Reports.Evidence;

/// <summary>
/// One check the suite ran (the OpenID conformance suite's model: a check logs evidence on success too), so a report
/// shows what was verified, not only what failed. Written as a step of kind check into steps.jsonl, read back into
/// results.json, index.html and compare.
/// </summary>
public sealed record CheckEvidence
{
    /// <summary>The check's stable id, e.g. <c>flow.state</c>, <c>message.text</c>, <c>cookie.session.httponly</c>.</summary>
    public required string Id { get; init; }
    public required CheckOutcome Outcome { get; init; }
    /// <summary>What a failure does, as the call site chose: stop the test, record and go on, or only warn.</summary>
    public CheckSeverity Severity { get; init; }
    /// <summary>What was checked, with its values: "the flow's state to be sent_email".</summary>
    public required string Condition { get; init; }
    /// <summary>Why, with the spec section or the Kratos source fact it rests on: "the code was sent, spec §2.4".</summary>
    public string? Why { get; init; }
    /// <summary>When: "after submitting a wrong code".</summary>
    public string? Situation { get; init; }
    /// <summary>What came back (masked like every evidence), e.g. "sent_email".</summary>
    public string? Observed { get; init; }
    /// <summary>The request whose response was read: "POST /self-service/login?flow=6b1c… -> 400".</summary>
    public string? Request { get; init; }
    /// <summary>The documented response fields the check read, e.g. <c>loginFlow.state</c> (the field-coverage table).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
