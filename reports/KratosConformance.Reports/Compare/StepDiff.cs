namespace KratosConformance.Reports.Compare;

/// <summary>
/// A difference at one HTTP step of a test. <see cref="Request"/> is the alignment key (method and path without
/// query); <see cref="Label"/> the scenario's name for the step ("send code") when the evidence has one.
/// </summary>
public sealed record StepDiff(StepDiffKind Kind, string Request)
{
    public string? Label { get; init; }
    public int? SeqA { get; init; }
    public int? SeqB { get; init; }
    public string? TitleA { get; init; }
    public string? TitleB { get; init; }
    /// <summary>For a step only in one run: its status, state and messages, so the reader sees what it did.</summary>
    public string? Gist { get; init; }
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}
