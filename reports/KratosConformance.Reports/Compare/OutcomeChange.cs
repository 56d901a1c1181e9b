using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Compare;

/// <summary>A test whose outcome differs between the runs; the messages say why each side ended as it did.</summary>
public sealed record OutcomeChange(string Id, TestOutcome Before, TestOutcome After)
{
    public string? MessageA { get; init; }
    public string? MessageB { get; init; }
}
