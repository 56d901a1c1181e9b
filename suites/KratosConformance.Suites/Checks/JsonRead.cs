using System.Text.Json;
using System.Text.Json.Nodes;

namespace KratosConformance.Suites.Checks;

/// <summary>Lenient reads of response JSON for checks: a missing or mistyped member is null (or 0), so the check that
/// needs it fails naming what it saw instead of throwing.</summary>
internal static class JsonRead
{
    public static JsonObject? Obj(JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonObject : null;

    public static JsonArray? Arr(JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonArray : null;

    public static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static long Long(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) ? l : 0;
}
