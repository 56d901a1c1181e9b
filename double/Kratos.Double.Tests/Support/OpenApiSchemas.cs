using System.Text.Json.Nodes;
using Json.Schema;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// Validates bodies against components/schemas of Kratos's OpenAPI 3.0 document: refs are rewritten to $defs and
/// <c>nullable: true</c> becomes a "null" type so JSON Schema 2020-12 understands them.
/// </summary>
public static class OpenApiSchemas
{
    private static readonly Lazy<JsonObject> Defs = new(Load);

    public static EvaluationResults Validate(string component, JsonNode? body)
    {
        var schemaDoc = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://kratos.local/{component}-{Guid.NewGuid():N}",
            ["$defs"] = Defs.Value.DeepClone(),
            ["$ref"] = "#/$defs/" + component,
        };
        var schema = JsonSchema.FromText(schemaDoc.ToJsonString());
        using var doc = System.Text.Json.JsonDocument.Parse(body?.ToJsonString() ?? "null");
        return schema.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10));

    private static JsonObject Load()
    {
        var text = File.ReadAllText(ReferenceFiles.OpenApi).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schemas = (JsonObject)JsonNode.Parse(text)!["components"]!["schemas"]!.DeepClone();
        Rewrite(schemas);
        return schemas;
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"]?.GetValue<bool>() == true)
                {
                    if (obj["type"] is JsonValue t)
                    {
                        obj["type"] = new JsonArray(t.GetValue<string>(), "null");
                    }
                    else if (obj["$ref"] is { } r)
                    {
                        obj.Remove("$ref");
                        obj["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = r.GetValue<string>() }, new JsonObject { ["type"] = "null" });
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }

                break;
        }
    }
}
