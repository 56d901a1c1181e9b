using System.Text.Json;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>Writes results.json (schema: reports/README.md and reports/results.schema.json).</summary>
public static class ResultsJsonWriter
{
    public const string FileName = "results.json";

    public static string Render(RunResult result) => JsonSerializer.Serialize(result, EvidenceJson.Indented) + "\n";

    public static async Task<string> WriteAsync(RunResult result, string runDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(runDirectory, FileName);
        await ReportFile.WriteAsync(path, Render(result), cancellationToken).ConfigureAwait(false);
        return path;
    }
}
