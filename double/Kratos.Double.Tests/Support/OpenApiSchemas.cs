using System.Text.Json.Nodes;
using Json.Schema;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// Validates bodies against components/schemas of Kratos's OpenAPI 3.0 document (fixtures/reference/kratos-v26.2.0),
/// enums included: Ory's generated clients (@ory/kratos-client …) decode these enums strictly, so a value outside them
/// (say autocomplete "username") breaks real clients even where a lenient parser would not notice. OpenAPI 3.0 is
/// rewritten into JSON Schema 2020-12: refs point into $defs, <c>nullable: true</c> admits null, and a
/// <c>discriminator</c> picks the one schema its property names (if/then per mapping entry) instead of a plain
/// <c>oneOf</c>, so a failure reports what is wrong with the node, not why it is not each of the other node kinds.
/// </summary>
public static class OpenApiSchemas
{
    private const string BaseUri = "https://kratos.local/openapi/v26.2.0.json";
    private static readonly Lazy<BuildOptions> Build = new(Load);
    private static readonly Dictionary<string, JsonSchema> Components = new(StringComparer.Ordinal);

    public static EvaluationResults Validate(string component, JsonNode? body)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(body?.ToJsonString() ?? "null");
        return Schema(component).Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>
    /// The failures that decide the verdict, as "instance location: message": errors inside an <c>if</c> only choose a
    /// branch, so they are left out.
    /// </summary>
    public static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Distinct()
            .Take(10));

    private static JsonSchema Schema(string component)
    {
        var build = Build.Value;
        lock (Components)
        {
            if (!Components.TryGetValue(component, out var schema))
            {
                // Registering an $id twice is refused, so each component's wrapper is built once.
                schema = JsonSchema.FromText(
                    $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://kratos.local/openapi/component/{{component}}","$ref":"{{BaseUri}}#/$defs/{{component}}"}""",
                    build);
                Components[component] = schema;
            }

            return schema;
        }
    }

    private static BuildOptions Load()
    {
        var text = File.ReadAllText(ReferenceFiles.OpenApi).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schemas = (JsonObject)JsonNode.Parse(text)!["components"]!["schemas"]!.DeepClone();
        Rewrite(schemas);
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = BaseUri,
            ["$defs"] = schemas,
        };
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(document.ToJsonString(), build);
        return build;
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"]?.GetValue<bool>() == true)
                {
                    AdmitNull(obj);
                }

                if (obj["discriminator"] is JsonObject discriminator && obj["oneOf"] is JsonArray)
                {
                    ApplyDiscriminator(obj, discriminator);
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

    private static void AdmitNull(JsonObject obj)
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

    /// <summary>
    /// OpenAPI 3.0 discriminator: the property's value names the schema that applies (mapping); any other value is
    /// invalid. Written as: the property is required and one of the mapping's keys, and per key an if/then.
    /// </summary>
    private static void ApplyDiscriminator(JsonObject obj, JsonObject discriminator)
    {
        var property = discriminator["propertyName"]!.GetValue<string>();
        var mapping = discriminator["mapping"]!.AsObject();
        obj.Remove("oneOf");
        obj.Remove("discriminator");
        obj["type"] = "object";
        obj["required"] = new JsonArray(property);
        obj["properties"] = new JsonObject { [property] = new JsonObject { ["enum"] = new JsonArray(mapping.Select(m => (JsonNode?)m.Key).ToArray()) } };
        obj["allOf"] = new JsonArray(mapping.Select(m => (JsonNode?)new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = m.Key } } },
            ["then"] = new JsonObject { ["$ref"] = m.Value!.GetValue<string>() },
        }).ToArray());
    }
}
