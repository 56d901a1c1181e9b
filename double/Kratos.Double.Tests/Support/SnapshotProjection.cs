using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// Kratos's snapshots leave volatile paths out (csrf values, QR src, the TOTP secret, …). The double's output is
/// projected onto the snapshot's shape: an object keeps only the keys the snapshot holds (a key the snapshot has and the
/// double lacks stays missing, so it fails); arrays keep every element of the double's output. Keys are sorted.
/// </summary>
public static class SnapshotProjection
{
    public static JsonNode? Project(JsonNode? actual, JsonNode? expected) => (actual, expected) switch
    {
        (JsonObject a, JsonObject e) => new JsonObject(e.Where(p => a.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Project(a[p.Key], p.Value)))),
        (JsonArray a, JsonArray e) => new JsonArray([.. a.Select((n, i) => Project(n, i < e.Count ? e[i] : null))]),
        _ => Sorted(actual),
    };

    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// The lookup_secret_codes node with Kratos's fixture codes: unused code k becomes "key-k" (createIdentity in
    /// lookup/settings_test.go), a used one takes the fixture's used_at, and the joined text is rebuilt.
    /// </summary>
    public static void UseFixtureCodes(JsonArray nodes, JsonArray expectedNodes)
    {
        var actual = nodes.FirstOrDefault(n => n?["attributes"]?["id"]?.GetValue<string>() == "lookup_secret_codes");
        var expected = expectedNodes.FirstOrDefault(n => n?["attributes"]?["id"]?.GetValue<string>() == "lookup_secret_codes");
        if (actual?["attributes"]?["text"] is not JsonObject text || expected?["attributes"]?["text"]?["context"]?["secrets"] is not JsonArray fixture)
        {
            return;
        }

        var secrets = text["context"]!["secrets"]!.AsArray();
        var formatted = new List<string>();
        for (var k = 0; k < secrets.Count; k++)
        {
            var entry = secrets[k]!.AsObject();
            if (entry["id"]!.GetValue<long>() == 1050009)
            {
                entry["text"] = $"key-{k}";
                entry["context"]!["secret"] = $"key-{k}";
                formatted.Add($"key-{k}");
            }
            else
            {
                if (k < fixture.Count && fixture[k]!["id"]!.GetValue<long>() == 1050014)
                {
                    entry["text"] = fixture[k]!["text"]!.DeepClone();
                    entry["context"] = fixture[k]!["context"]!.DeepClone();
                }

                formatted.Add("used");
            }
        }

        text["text"] = string.Join(", ", formatted);
    }
}
