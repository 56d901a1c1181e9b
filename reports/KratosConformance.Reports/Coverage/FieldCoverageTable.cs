namespace KratosConformance.Reports.Coverage;

/// <summary>
/// The committed field-coverage table (suites/…/Coverage/field-coverage.tsv, beside the suites' assembly): one line per
/// documented field of every response the suites receive, with the ids of the checks that read it or the reason it
/// is deliberately unchecked. The suites' self-tests keep it equal to the OpenAPI document and to the checks' own
/// declarations; a run only reads it.
/// </summary>
public sealed record FieldCoverageTable(IReadOnlyList<FieldCoverageTable.Entry> Entries)
{
    public const string FileName = "field-coverage.tsv";

    /// <summary>A field, the checks reading it, or the reason for its exemption (exactly one of the two is set).</summary>
    public sealed record Entry(string Field, IReadOnlyList<string> Checks, string? Exemption);

    /// <summary>
    /// Reads <c>field &lt;TAB&gt; check ids (comma separated) or - &lt;TAB&gt; exemption reason</c>; # starts a comment.
    /// </summary>
    public static FieldCoverageTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<Entry>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var columns = trimmed.Split('\t');
            var checks = columns.Length > 1 && columns[1] != "-"
                ? columns[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var reason = columns.Length > 2 && columns[2].Length > 0 ? columns[2] : null;
            entries.Add(new Entry(columns[0].Trim(), checks, reason));
        }

        return new FieldCoverageTable(entries);
    }

    /// <summary>The table beside the suites' assembly in <paramref name="directory"/>, or null when there is none.</summary>
    public static FieldCoverageTable? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
    }
}
