using System.Text.RegularExpressions;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// docs/mutation-survivors.md: every mutant the suites let live, with the reason (equivalent, or out of scope). A
/// survivor is matched by its file, mutator, the code it replaced and the replacement (table columns 1, 3, 4, 5; lines
/// move, the code does not; the original keeps one documented <c>""</c> or <c>;</c> from excusing every other string or
/// statement of the file), so ./kc mutate can tell the documented ones from a new survivor, which is a missing check.
/// Long originals are cut at <see cref="OriginalLength"/> characters.
/// </summary>
public static partial class SurvivorCatalog
{
    public static string File => Path.Combine(RepositoryLayout.RequireRoot(), "docs", "mutation-survivors.md");

    /// <summary>Originals longer than this (whitespace collapsed) are cut and end in "…", in the row and the key alike.</summary>
    public const int OriginalLength = 80;

    /// <summary>The documented (file, mutator, original, replacement) keys.</summary>
    public static IReadOnlySet<string> Keys()
    {
        if (!System.IO.File.Exists(File))
        {
            return new HashSet<string>();
        }

        return System.IO.File.ReadLines(File)
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => Key(m.Groups["file"].Value, m.Groups["mutator"].Value, m.Groups["original"].Value, m.Groups["replacement"].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Lines of the doc that start a survivor row (<c>| `</c>) but do not parse as one: they would explain nothing.</summary>
    public static IReadOnlyList<string> Malformed() =>
        System.IO.File.Exists(File)
            ? System.IO.File.ReadLines(File).Where(l => l.StartsWith("| `", StringComparison.Ordinal) && !Row().IsMatch(l)).ToList()
            : [];

    public static string Key(MutationReport.Mutant m) => Key(m.File, m.Mutator, Escape(Cut(m.Original)), Escape(m.Replacement));

    /// <summary>One table row for <paramref name="m"/>, the reason left to write.</summary>
    public static string Row(MutationReport.Mutant m, string reason) =>
        $"| `{m.File}` | {m.Line} | {m.Mutator} | `{Escape(Cut(m.Original))}` | `{Escape(m.Replacement)}` | {reason} |";

    private static string Key(string file, string mutator, string original, string replacement) =>
        file + "|" + mutator.Trim() + "|" + Normal(Unescape(original)) + "|" + Normal(Unescape(replacement));

    private static string Normal(string text) => Regex.Replace(text.Replace('`', '\''), @"\s+", " ").Trim();

    private static string Cut(string original)
    {
        var text = Normal(original);
        return text.Length <= OriginalLength ? text : text[..OriginalLength] + "…";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string Unescape(string text) => text.Replace("\\|", "|", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \| \d+ \| (?<mutator>[^|]+?) \| `(?<original>[^`]*)` \| `(?<replacement>[^`]*)` \|")]
    private static partial Regex Row();
}
