using Json.Schema;

namespace KratosConformance.Reports.Tests;

/// <summary>results.schema.json, each parse in its own registry: JsonSchema.Net's global registry refuses a second
/// schema with the same $id, and the tests that validate run in parallel.</summary>
internal static class ResultsSchema
{
    public static JsonSchema Get() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "results.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
