using System.Text.RegularExpressions;

namespace KratosConformance.Runner;

/// <summary>Glob over test ids: '*' matches any run of characters, e.g. "login.code-mfa.*.spa".</summary>
public static class IdPattern
{
    public static bool Matches(string pattern, string id) =>
        Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
