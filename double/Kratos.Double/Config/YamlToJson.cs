using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kratos.Double.Config;

/// <summary>
/// Turns kratos.yml into a JsonNode tree through YamlDotNet's representation model (AOT safe, no reflection),
/// because Kratos itself validates the config as JSON against embedx/config.schema.json.
/// </summary>
internal static class YamlToJson
{
    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet reports some syntax errors (an unclosed flow sequence) as InvalidOperationException.
            throw KratosDoubleConfigException.For("(file)", $"the YAML could not be parsed ({e.Message})", "fix the YAML syntax");
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw KratosDoubleConfigException.For("(root)", "the config is not a YAML mapping", "write key: value pairs at the top level");
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            result[((YamlScalarNode)key).Value ?? string.Empty] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return ParseLoose(text);
    }

    /// <summary>YAML/env plain scalars: null, bools, integers, floats, JSON, else text.</summary>
    public static JsonNode? ParseLoose(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) && !text.Contains(':', StringComparison.Ordinal))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }
}
