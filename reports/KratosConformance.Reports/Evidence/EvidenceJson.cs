using System.Text.Json;
using System.Text.Json.Serialization;

namespace KratosConformance.Reports.Evidence;

/// <summary>The one JSON dialect of every file the harness writes (camelCase, kebab-case enums, no nulls).</summary>
public static class EvidenceJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads evidence/&lt;test-id&gt;/steps.jsonl; a missing file is an empty list.</summary>
    public static IReadOnlyList<EvidenceStep> ReadSteps(string stepsFile)
    {
        if (!File.Exists(stepsFile))
        {
            return [];
        }

        return File.ReadLines(stepsFile)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<EvidenceStep>(l, Options)!)
            .ToList();
    }
}
