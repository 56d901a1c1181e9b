namespace KratosConformance.Suites.Checks;

/// <summary>
/// The named parts of one check's sentence (FluentAssertions' grammar, style.md principle 3): "Expected
/// {Subject} to {Expectation} ({Why}) {situation}, but {Actual}." plus the aligned Expected / But was values. A passed
/// check records the same parts as evidence, so what was verified reads like what would have failed.
/// </summary>
public sealed record FailureText
{
    /// <summary>Short title after the test id: "message 4010008 missing".</summary>
    public required string Headline { get; init; }
    /// <summary>"ui.messages".</summary>
    public required string Subject { get; init; }
    /// <summary>"be exactly [4010008 (login code invalid or used)]".</summary>
    public required string Expectation { get; init; }
    /// <summary>Why, with the spec section: "a wrong code replaces the info message with 4010008, spec §2.11".</summary>
    public string? Why { get; init; }
    /// <summary>"found [1010014]".</summary>
    public required string Actual { get; init; }
    /// <summary>The Expected line: "[4010008]".</summary>
    public required string Expected { get; init; }
    /// <summary>The But was line, and on a pass the observed value: "[1010014]".</summary>
    public required string Observed { get; init; }
    /// <summary>What to do about it, when there is something useful to say.</summary>
    public string? Hint { get; init; }

    /// <summary>"ui.messages to be exactly [4010008 …] (why)": the condition as a passed check records it.</summary>
    public string Condition => Subject + " to " + ExpectationWithWhy;

    /// <summary>The expectation followed by its reason in parentheses, as the failure sentence reads.</summary>
    public string ExpectationWithWhy => Why is null ? Expectation : Expectation + " (" + Why + ")";
}
