using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kratos.Double.Ui;

/// <summary>
/// ui/node/node.go SortBySchema as the settings flow uses it (selfservice/flow/settings/sort.go): groups in a fixed
/// order (a group not listed goes first, as getStringSliceIndexOf answers -1), then inside a group (default and
/// password count as one) by the first key the node's id starts with (schema trait keys, then the appended keys), ties
/// by the string form of the value; a node named method is always last.
/// </summary>
internal static class NodeSort
{
    private static readonly string[] SettingsGroups = ["default", "profile", "password", "oidc", "lookup_secret", "webauthn", "passkey", "totp"];

    private static readonly string[] SettingsKeysAppended =
    [
        "lookup_secret_reveal", "lookup_secret_regenerate", "lookup_secret_codes", "lookup_secret_confirm",
        "webauthn_remove", "webauthn_register_displayname", "webauthn_register", "passkey_remove", "passkey_register",
        "totp_qr", "totp_secret_key", "totp_unlink", "totp_code",
    ];

    public static JsonArray Settings(IEnumerable<JsonObject> nodes, IEnumerable<string> schemaKeys)
    {
        var keys = schemaKeys.Concat(SettingsKeysAppended).ToList();
        var list = nodes.ToList();
        var byGroup = list.Select((n, i) => (n, i)).OrderBy(x => Array.IndexOf(SettingsGroups, Nodes.Group(x.n))).ThenBy(x => x.i).Select(x => x.n).ToList();
        var result = new List<JsonObject>();
        foreach (var run in Runs(byGroup))
        {
            result.AddRange(run.Select((n, i) => (n, i))
                .OrderBy(x => Position(x.n, keys, list.Count))
                .ThenBy(x => ValueString(x.n), StringComparer.Ordinal)
                .ThenBy(x => x.i)
                .Select(x => x.n));
        }

        return new JsonArray([.. result]);
    }

    /// <summary>Consecutive nodes that compare with each other: the same group, default and password together.</summary>
    private static IEnumerable<List<JsonObject>> Runs(List<JsonObject> nodes)
    {
        var run = new List<JsonObject>();
        foreach (var node in nodes)
        {
            if (run.Count > 0 && !Comparable(Nodes.Group(run[^1]), Nodes.Group(node)))
            {
                yield return run;
                run = [];
            }

            run.Add(node);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static bool Comparable(string a, string b) => a == b || (a is "default" or "password" && b is "default" or "password");

    private static int Position(JsonObject node, List<string> keys, int count)
    {
        var id = FactorNodes.Id(node);
        if (id == "method")
        {
            return count + keys.Count + 1;
        }

        var index = keys.FindIndex(k => id.StartsWith(k, StringComparison.Ordinal));
        return index < 0 ? keys.Count : index;
    }

    /// <summary>fmt.Sprintf("%v", value): nil prints as &lt;nil&gt;.</summary>
    private static string ValueString(JsonObject node) => node["attributes"]?["value"] switch
    {
        null => "<nil>",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        var v => v.ToJsonString().ToString(CultureInfo.InvariantCulture),
    };
}
