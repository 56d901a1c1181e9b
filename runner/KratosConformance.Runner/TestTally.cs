namespace KratosConformance.Runner;

/// <summary>Counts of one part of ./kc test; the parts add up to CI's closing line.</summary>
public sealed record TestTally(string Part, int Passed, int Failed, int Skipped)
{
    public static TestTally operator +(TestTally a, TestTally b) =>
        new("total", a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

    /// <summary>The plain line CI reads: "N passed, N failed, N skipped".</summary>
    public string ClosingLine => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
