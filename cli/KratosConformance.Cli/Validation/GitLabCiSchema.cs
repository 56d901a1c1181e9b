using System.Text.Json;
using Json.Schema;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// GitLab's own CI JSON schema (app/assets/javascripts/editor/schema/ci.json, committed unmodified as
/// examples/ci/schema/gitlab-ci.schema.json; NOTICE there), the schema GitLab's pipeline editor validates a
/// .gitlab-ci.yml with: ./kc test checks the example GitLab pipeline against it, so a key GitLab does not know fails.
/// </summary>
public static class GitLabCiSchema
{
    public static string SchemaFile => Path.Combine(RepositoryLayout.RequireRoot(), "examples", "ci", "schema", "gitlab-ci.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(SchemaFile), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Every place <paramref name="file"/> breaks GitLab's schema, "instance path: error"; empty when it fits.</summary>
    public static IReadOnlyList<string> Problems(string file)
    {
        var pipeline = YamlJson.Parse(File.ReadAllText(file), file, "GitLab pipeline");
        var result = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(pipeline), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } p ? p : "/")}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
