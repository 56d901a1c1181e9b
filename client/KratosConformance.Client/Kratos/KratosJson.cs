using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>Lenient readers over Kratos JSON: a missing or oddly typed field is a default, never an exception,
/// because a conformance harness must be able to show whatever a non-conforming deployment sent.</summary>
internal static class KratosJson
{
    public static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v
            ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
            : null;

    public static bool Bool(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static long Long(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) ? l : 0;

    public static DateTimeOffset Time(JsonNode? node, string name) => TimeOrNull(node, name) ?? default;

    public static DateTimeOffset? TimeOrNull(JsonNode? node, string name) =>
        Str(node, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    public static JsonObject? Obj(JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonObject : null;

    public static JsonArray? Arr(JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonArray : null;

    public static JsonNode? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A detached copy, so typed models never share nodes with the response body.</summary>
    public static JsonObject Copy(JsonObject obj) => (JsonObject)obj.DeepClone();
}
