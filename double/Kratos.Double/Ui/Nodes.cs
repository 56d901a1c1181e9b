using System.Text.Json.Nodes;
using Kratos.Double.Text;

namespace Kratos.Double.Ui;

/// <summary>ui/node input nodes: {type, group, attributes{name,type,value?,required?,disabled,node_type,autocomplete?}, messages, meta}.</summary>
internal static class Nodes
{
    public static JsonObject Input(
        string group, string name, string type, string? value = null, bool required = false, JsonObject? label = null,
        string? autocomplete = null, bool emptyValue = false)
    {
        var attributes = new JsonObject { ["name"] = name, ["type"] = type };
        if (value is not null || emptyValue)
        {
            attributes["value"] = value ?? string.Empty;
        }

        if (required)
        {
            attributes["required"] = true;
        }

        // ui/node InputAttributes field order: name, type, value, required, autocomplete, …, disabled, node_type.
        if (autocomplete is not null)
        {
            attributes["autocomplete"] = autocomplete;
        }

        attributes["disabled"] = false;
        attributes["node_type"] = "input";

        var meta = new JsonObject();
        if (label is not null)
        {
            meta["label"] = label;
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["group"] = group,
            ["attributes"] = attributes,
            ["messages"] = new JsonArray(),
            ["meta"] = meta,
        };
    }

    public static JsonObject Csrf(string token) => Input("default", "csrf_token", "hidden", token, required: true);

    public static string Name(JsonNode? node) => node?["attributes"]?["name"]?.GetValue<string>() ?? string.Empty;

    public static string Group(JsonNode? node) => node?["group"]?.GetValue<string>() ?? string.Empty;

    /// <summary>selfservice/flow/login/sort.go: group order, then csrf_token, identifier, password first in a group.</summary>
    public static JsonArray Sort(IEnumerable<JsonObject> nodes)
    {
        string[] groups = ["oidc", "default", "webauthn", "passkey", "code", "password", "totp", "lookup_secret"];
        string[] firstNames = ["csrf_token", "identifier", "password"];
        var sorted = nodes
            .Select((n, i) => (n, i))
            .OrderBy(x => Rank(groups, Group(x.n)))
            .ThenBy(x => Rank(firstNames, Name(x.n)))
            .ThenBy(x => x.i)
            .Select(x => (JsonNode)x.n)
            .ToArray();
        return new JsonArray(sorted);
    }

    private static int Rank(string[] order, string value)
    {
        var i = Array.IndexOf(order, value);
        return i < 0 ? order.Length : i;
    }

    public static void AddMessage(JsonArray nodes, string name, JsonObject message)
    {
        foreach (var node in nodes)
        {
            if (Name(node) == name)
            {
                ((JsonArray)node!["messages"]!).Add((JsonNode)message);
                return;
            }
        }
    }

    /// <summary>ui/node <c>Nodes.SetValueAttribute</c>: the first node of that name gets the value.</summary>
    public static void SetValue(JsonArray nodes, string name, string value)
    {
        var node = nodes.FirstOrDefault(n => Name(n) == name);
        if (node is not null)
        {
            node["attributes"]!["value"] = value;
        }
    }

    public static void ClearNodeMessages(JsonArray nodes)
    {
        foreach (var node in nodes)
        {
            ((JsonArray)node!["messages"]!).Clear();
        }
    }

    /// <summary>1010023 with the address's channel: a code address without @ is a phone number (via sms, factors spec §10.5).</summary>
    public static JsonObject CodeLabel(string address) => Messages.SendCodeTo(address, address.Contains('@', StringComparison.Ordinal) ? "email" : "sms");
}
