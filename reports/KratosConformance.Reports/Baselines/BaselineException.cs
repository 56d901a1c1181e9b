namespace KratosConformance.Reports.Baselines;

/// <summary>A baseline file that cannot be used; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class BaselineException : Exception
{
    public BaselineException(string path, IReadOnlyList<string> problems)
        : base(Format(path, problems))
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Format(string path, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"Baseline {path}: {problems[0]}\n{BaselineLoader.FormatHint}"
            : $"Baseline {path} has {problems.Count} problems:\n" + string.Concat(problems.Select(p => "  - " + p + "\n")) + BaselineLoader.FormatHint;
}
