namespace KratosConformance.Reports.Compare;

/// <summary>The step differences of one test present in both runs (only tests with differences are listed).</summary>
public sealed record TestDiff(string Id, int HttpStepsA, int HttpStepsB, IReadOnlyList<StepDiff> Steps);
