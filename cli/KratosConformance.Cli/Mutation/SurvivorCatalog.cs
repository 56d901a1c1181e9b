using System.Text.RegularExpressions;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// docs/mutation-survivors.md: every mutant the suites let live, with the reason (equivalent, or out of scope). A
/// survivor is matched by its file, mutator and replacement (table columns 1, 3, 4; lines move, the code does not), so
/// ./kc mutate can tell the documented ones from a new survivor, which is a missing check.
/// </summary>
public static partial class SurvivorCatalog
{
    public static string File => Path.Combine(RepositoryLayout.RequireRoot(), "docs", "mutation-survivors.md");

    /// <summary>The documented (file, mutator, replacement) keys.</summary>
    public static IReadOnlySet<string> Keys()
    {
        if (!System.IO.File.Exists(File))
        {
            return new HashSet<string>();
        }

        return System.IO.File.ReadLines(File)
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => Key(m.Groups["file"].Value, m.Groups["mutator"].Value, Unescape(m.Groups["replacement"].Value)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static string Key(MutationReport.Mutant m) => Key(m.File, m.Mutator, m.Replacement);

    /// <summary>One table row for <paramref name="m"/>, the reason left to write.</summary>
    public static string Row(MutationReport.Mutant m, string reason) =>
        $"| `{m.File}` | {m.Line} | {m.Mutator} | `{Escape(m.Replacement)}` | {reason} |";

    private static string Key(string file, string mutator, string replacement) =>
        file + "|" + mutator.Trim() + "|" + Regex.Replace(replacement.Replace('`', '\''), @"\s+", " ").Trim();

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string Unescape(string text) => text.Replace("\\|", "|", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \| \d+ \| (?<mutator>[^|]+?) \| `(?<replacement>(?:[^`])*)` \|")]
    private static partial Regex Row();
}
