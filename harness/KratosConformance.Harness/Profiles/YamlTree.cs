using YamlDotNet.RepresentationModel;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// Dotted-path access and deep merge over YamlDotNet's representation model. Merge semantics are Kratos's own config
/// layering: mappings merge key by key, scalars and sequences are replaced whole.
/// </summary>
internal static class YamlTree
{
    public static YamlMappingNode Load(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{source} is not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new InvalidDataException($"{source} must be a YAML mapping at the top level.");
    }

    public static string Save(YamlMappingNode root)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().TrimEnd();
        if (text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^3].TrimEnd();
        }

        return text + "\n";
    }

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/>; reports each leaf it set.</summary>
    public static void Merge(YamlMappingNode target, YamlMappingNode overlay, string prefix, Action<string, YamlNode> set)
    {
        foreach (var (key, value) in overlay.Children)
        {
            var path = prefix.Length == 0 ? Key(key) : prefix + "." + Key(key);
            if (value is YamlMappingNode overlayMap && target.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode targetMap)
            {
                Merge(targetMap, overlayMap, path, set);
            }
            else
            {
                target.Children[key] = value;
                set(path, value);
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode root, string path)
    {
        YamlNode? node = root;
        foreach (var part in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(part), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Scalar(YamlMappingNode root, string path) => (Get(root, path) as YamlScalarNode)?.Value;

    /// <summary>The scalar items of the sequence at <paramref name="path"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Sequence(YamlMappingNode root, string path) =>
        Get(root, path) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(n => n.Value).OfType<string>().ToList()
            : [];

    /// <summary>Sets a scalar, creating mappings on the way; returns the previous scalar (null if none).</summary>
    public static string? SetScalar(YamlMappingNode root, string path, string value)
    {
        var parts = path.Split('.');
        var map = root;
        foreach (var part in parts[..^1])
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(part), out var child) || child is not YamlMappingNode childMap)
            {
                childMap = new YamlMappingNode();
                map.Children[new YamlScalarNode(part)] = childMap;
            }

            map = childMap;
        }

        var key = new YamlScalarNode(parts[^1]);
        var previous = map.Children.TryGetValue(key, out var old) ? (old as YamlScalarNode)?.Value : null;
        map.Children[key] = new YamlScalarNode(value);
        return previous;
    }

    /// <summary>Human rendering of a node for change lists: scalars as is, sequences as [a, b], mappings as {k: v}.</summary>
    public static string Render(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Render)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => Render(kv.Key) + ": " + Render(kv.Value))) + "}",
        _ => node.ToString(),
    };

    private static string Key(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();
}
