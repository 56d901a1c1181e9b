using System.Text.RegularExpressions;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// The progress lines of <c>./kc run</c>: "[  1/105] ✓ …". The counter is padded to the width of the total, so a
/// wait for the n-th result matches the number, not a fixed number of spaces (the padding changed when the suites
/// passed 99 tests).
/// </summary>
internal static partial class ResultLines
{
    public static bool IsResult(string line, int n) =>
        Progress().Match(line) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == n;

    [GeneratedRegex(@"^\[\s*(\d+)/\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Progress();
}
