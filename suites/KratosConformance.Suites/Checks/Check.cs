namespace KratosConformance.Suites.Checks;

/// <summary>The one way checks fail, so every check's failure reads the same (style.md principle 3).</summary>
internal static class Check
{
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(CheckFailure failure) => throw new ConformanceCheckException(failure);

    /// <summary>"[1010003, 1010004]"; "[]" when empty.</summary>
    public static string List<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    public static string Quote(string? text) => text is null ? "(none)" : $"\"{text}\"";
}
