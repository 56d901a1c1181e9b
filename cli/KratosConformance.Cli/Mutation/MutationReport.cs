using System.Text.Json.Nodes;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// Stryker's mutation-report.json (the mutation-testing-elements schema) read back: per mutant its file, line,
/// mutator, the code it replaced (cut from the file's source by the mutant's location), replacement and status. The score is Stryker's: detected (killed, timeout) over valid (detected,
/// survived, no coverage); compile errors and ignored mutants do not count.
/// </summary>
public sealed record MutationReport(IReadOnlyList<MutationReport.Mutant> Mutants)
{
    public sealed record Mutant(string File, int Line, string Mutator, string Original, string Replacement, string Status);

    public int Killed => Count("Killed");
    public int Timeout => Count("Timeout");
    public int Survived => Count("Survived");
    public int NoCoverage => Count("NoCoverage");
    public int Detected => Killed + Timeout;
    public int Valid => Detected + Survived + NoCoverage;

    /// <summary>Percent of valid mutants detected; 100 when there are none.</summary>
    public double Score => Valid == 0 ? 100 : 100.0 * Detected / Valid;

    /// <summary>The score counting timeouts as undetected: the lower bound when timeouts may be load, not a hang.</summary>
    public double KilledScore => Valid == 0 ? 100 : 100.0 * Killed / Valid;

    /// <summary>Survived and uncovered mutants: each is a missing check or an entry of docs/mutation-survivors.md.</summary>
    public IReadOnlyList<Mutant> Survivors => Mutants.Where(m => m.Status is "Survived" or "NoCoverage").ToList();

    public static MutationReport Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
        var mutants = new List<Mutant>();
        foreach (var (file, node) in root["files"]?.AsObject() ?? [])
        {
            var relative = RelativeToProject(file);
            var source = ((string?)node?["source"] ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
            foreach (var m in node?["mutants"]?.AsArray() ?? [])
            {
                mutants.Add(new Mutant(
                    relative,
                    (int?)m?["location"]?["start"]?["line"] ?? 0,
                    (string?)m?["mutatorName"] ?? "?",
                    Span(source, m?["location"]),
                    ((string?)m?["replacement"] ?? string.Empty).ReplaceLineEndings(" "),
                    (string?)m?["status"] ?? "?"));
            }
        }

        return new MutationReport(mutants);
    }

    // Locations are 1-based, the end column exclusive; a span over several lines is joined with spaces.
    private static string Span(string[] source, JsonNode? location)
    {
        int Get(string end, string part) => (int?)location?[end]?[part] ?? 0;
        var (startLine, startColumn, endLine, endColumn) = (Get("start", "line"), Get("start", "column"), Get("end", "line"), Get("end", "column"));
        if (startLine < 1 || endLine > source.Length || endLine < startLine)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        for (var line = startLine; line <= endLine; line++)
        {
            var text = source[line - 1];
            var from = line == startLine ? Math.Clamp(startColumn - 1, 0, text.Length) : 0;
            var to = line == endLine ? Math.Clamp(endColumn - 1, from, text.Length) : text.Length;
            parts.Add(text[from..to]);
        }

        return string.Join(" ", parts);
    }

    private int Count(string status) => Mutants.Count(m => m.Status == status);

    // Stryker keys files by absolute path; "Endpoints/CodeVerifier.cs" is what the docs and --file use.
    private static string RelativeToProject(string file)
    {
        var marker = "/Kratos.Double/";
        var i = file.Replace('\\', '/').LastIndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? file : file[(i + marker.Length)..];
    }
}
