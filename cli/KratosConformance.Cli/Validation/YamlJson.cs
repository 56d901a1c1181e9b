using System.Globalization;
using System.Text.Json.Nodes;
using KratosConformance.Cli.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Reads a kratos.yml the way Kratos does (plain scalars become numbers and booleans where they look like them) into
/// JSON, for Kratos's config schema. A YAML error names the file, the line and the column, once.
/// </summary>
public static class YamlJson
{
    public static JsonNode? Parse(string yaml, string source, string option)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CliException($"{option} {source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {Reason(e)}. Fix the file (a YAML linter shows the spot), then run again.");
        }

        if (stream.Documents.Count == 0)
        {
            throw new CliException($"{option} {source}: the file is empty; give a kratos.yml (see fixtures/profiles/base/kratos.yml).");
        }

        var root = Convert(stream.Documents[0].RootNode);
        return root is JsonObject
            ? root
            : throw new CliException($"{option} {source}: a kratos.yml is a mapping at the top level (dsn:, serve:, selfservice:, …), this one is not.");
    }

    private static string Reason(YamlException e) => (e.InnerException?.Message ?? e.Message).Split('\n')[0].TrimEnd('.');

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is not null && s.Value.Contains('.', StringComparison.Ordinal)
            && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
