using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Kratos v26.2.0's config JSON schema (embedx/config.schema.json, committed under fixtures/reference): what oryd/kratos
/// checks at start. A config it refuses would make real Kratos exit before any test; the double is more lenient, so
/// only this check tells a user at once.
/// </summary>
public static class KratosConfigSchema
{
    public static string SchemaFile => Path.Combine(RepositoryLayout.ContentRoot, "fixtures", "reference", "kratos-v26.2.0", "config.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        // ory://tracing-config is embedded in Kratos's binary; any object is accepted for it here.
        var registry = new SchemaRegistry();
        registry.Register(new Uri("ory://tracing-config"), JsonSchema.FromText("""{"type":"object"}""", new BuildOptions { SchemaRegistry = registry }));
        return JsonSchema.FromText(File.ReadAllText(SchemaFile), new BuildOptions { SchemaRegistry = registry });
    });

    /// <summary>Every place the config breaks the schema, "instance path: error"; empty when Kratos accepts it.</summary>
    public static IReadOnlyList<string> Problems(JsonNode? config)
    {
        var result = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(config), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        // Deepest first: an anyOf at the root also reports every branch it tried ("ciphers" missing), which is noise
        // next to the key that really broke the schema.
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Path: d.InstanceLocation.ToString(), Error: e.Value, Branch: IsAlternative(d.EvaluationPath.ToString()))))
            .OrderBy(e => e.Branch)
            .ThenByDescending(e => e.Path.Count(c => c == '/'))
            .Select(e => (e.Branch, Text: $"{(e.Path.Length == 0 ? "/" : e.Path)}: {e.Error}"))
            .ToList();
        return errors.Where(e => !e.Branch || errors.All(x => x.Branch)).Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An error inside one branch of an anyOf/oneOf: it only says that branch did not fit.</summary>
    private static bool IsAlternative(string evaluationPath) =>
        evaluationPath.Contains("/anyOf/", StringComparison.Ordinal) || evaluationPath.Contains("/oneOf/", StringComparison.Ordinal);
}
