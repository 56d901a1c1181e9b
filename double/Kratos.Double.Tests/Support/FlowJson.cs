using System.Text;
using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

public static class FlowJson
{
    public static StringContent Content(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static List<long> MessageIds(JsonNode? flow) =>
        (flow?["ui"]?["messages"] as JsonArray)?.Select(m => m!["id"]!.GetValue<long>()).ToList() ?? [];

    public static JsonNode? Node(JsonNode? flow, string group, string name, string type) =>
        flow?["ui"]?["nodes"]?.AsArray().FirstOrDefault(n =>
            n!["group"]!.GetValue<string>() == group && n["attributes"]!["name"]!.GetValue<string>() == name && n["attributes"]!["type"]!.GetValue<string>() == type);

    public static string? Csrf(JsonNode? flow) =>
        flow?["ui"]?["nodes"]?.AsArray().FirstOrDefault(n => n!["attributes"]!["name"]!.GetValue<string>() == "csrf_token")?["attributes"]?["value"]?.GetValue<string>();

    public static List<long> NodeMessageIds(JsonNode? flow, string name) =>
        flow?["ui"]?["nodes"]?.AsArray().Where(n => n!["attributes"]!["name"]!.GetValue<string>() == name)
            .SelectMany(n => n!["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<long>())).ToList() ?? [];
}
