using System.Text.Json;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>Reads results.json back (compare, re-rendering reports, baselines applied after the fact).</summary>
public static class ResultsJsonReader
{
    /// <summary>Reads &lt;runDirectoryOrFile&gt;/results.json, or the file itself when given a file.</summary>
    public static RunResult Read(string runDirectoryOrFile)
    {
        var path = Directory.Exists(runDirectoryOrFile)
            ? Path.Combine(runDirectoryOrFile, ResultsJsonWriter.FileName)
            : runDirectoryOrFile;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No results.json in {runDirectoryOrFile}: pass a run folder written by `./kc run` (reports/out/<run-id>).", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static RunResult Parse(string json, string source = "results.json")
    {
        RunResult? result;
        try
        {
            result = JsonSerializer.Deserialize<RunResult>(json, EvidenceJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{source} is not a valid results file at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {e.Message}", e);
        }

        if (result is null)
        {
            throw new InvalidDataException($"{source} is empty (the JSON value null).");
        }

        if (result.SchemaVersion > RunResult.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"{source} has schemaVersion {result.SchemaVersion}; this harness reads up to {RunResult.CurrentSchemaVersion}. Use a newer harness.");
        }

        return result;
    }
}
