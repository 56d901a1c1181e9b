using System.Text.Json.Nodes;

namespace Kratos.Double.Ui;

/// <summary>ui/node image and text nodes (ImageAttributes: src, id, width, height, node_type; TextAttributes: text, id, node_type).</summary>
internal static class FactorNodes
{
    public static JsonObject Image(string group, string id, string src, int width, int height, JsonObject label) => new()
    {
        ["type"] = "img",
        ["group"] = group,
        ["attributes"] = new JsonObject { ["src"] = src, ["id"] = id, ["width"] = width, ["height"] = height, ["node_type"] = "img" },
        ["messages"] = new JsonArray(),
        ["meta"] = new JsonObject { ["label"] = label },
    };

    public static JsonObject Text(string group, string id, JsonObject text, JsonObject label) => new()
    {
        ["type"] = "text",
        ["group"] = group,
        ["attributes"] = new JsonObject { ["text"] = text, ["id"] = id, ["node_type"] = "text" },
        ["messages"] = new JsonArray(),
        ["meta"] = new JsonObject { ["label"] = label },
    };

    /// <summary>A submit button with value "true" (lookup and unlink buttons), optionally required.</summary>
    public static JsonObject Button(string group, string name, JsonObject label, bool required = false) =>
        Nodes.Input(group, name, "submit", "true", required: required, label: label);

    /// <summary>The node's id: attributes.name for inputs, attributes.id for text, img and script nodes.</summary>
    public static string Id(JsonNode? node) =>
        node?["attributes"]?["name"]?.GetValue<string>() ?? node?["attributes"]?["id"]?.GetValue<string>() ?? string.Empty;
}
