using YamlDotNet.RepresentationModel;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// The files a kratos.yml names besides the identity schema the harness wires (courier templates, further identity
/// schemas, OIDC mappers, webhook bodies: any <c>file://</c> value). A Kratos in a container can only read what is
/// copied into it, so for a container every such file is copied into its config directory and the value rewritten
/// to point there, each change said in words; a file that is not there to copy stops the composition with the key
/// and the path, instead of a Kratos that fails at start (or at the first mail) inside the container.
/// </summary>
public static class ReferencedFiles
{
    /// <summary>
    /// Rewrites every <c>file://</c> value of <paramref name="root"/> except <paramref name="skipUrl"/> to
    /// <paramref name="containerDirectoryUrl"/> + a file name of its own, and returns name → content of each file.
    /// Relative paths are read relative to <paramref name="baseDirectory"/> (the folder of the config that named them).
    /// </summary>
    /// <exception cref="FileNotFoundException">A named file does not exist on this machine.</exception>
    public static IReadOnlyDictionary<string, string> CopyInto(
        YamlMappingNode root, string containerDirectoryUrl, string skipUrl, string baseDirectory, string configName, List<string> changes)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(changes);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var byHostPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, scalar) in Scalars(root, string.Empty))
        {
            var value = scalar.Value ?? string.Empty;
            if (!value.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || string.Equals(value, skipUrl, StringComparison.Ordinal))
            {
                continue;
            }

            var hostPath = HostPath(value, baseDirectory);
            if (!File.Exists(hostPath))
            {
                throw new FileNotFoundException(
                    $"{configName} names {value} at {path}, but {hostPath} does not exist here, so it can not be copied into the Kratos container. "
                    + "Give the file at that path (relative paths are read from the config's folder), or use a base64:// or https:// URL.",
                    hostPath);
            }

            if (!byHostPath.TryGetValue(hostPath, out var name))
            {
                name = $"ref-{byHostPath.Count + 1}-{Path.GetFileName(hostPath)}";
                byHostPath[hostPath] = name;
                files[name] = File.ReadAllText(hostPath);
            }

            scalar.Value = containerDirectoryUrl + name;
            changes.Add($"copied {hostPath} into the container and set {path} to {scalar.Value} (was {value})");
        }

        return files;
    }

    /// <summary>file:///abs/path → /abs/path; file://rel/path and file://./rel → relative to <paramref name="baseDirectory"/>.</summary>
    private static string HostPath(string url, string baseDirectory)
    {
        var rest = Uri.UnescapeDataString(url["file://".Length..].Split('?', '#')[0]);
        return Path.GetFullPath(rest.StartsWith('/') ? rest : Path.Combine(baseDirectory, rest));
    }

    private static IEnumerable<(string Path, YamlScalarNode Scalar)> Scalars(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, child) in mapping.Children.ToList())
                {
                    var name = (key as YamlScalarNode)?.Value ?? key.ToString();
                    foreach (var found in Scalars(child, path.Length == 0 ? name : path + "." + name))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    foreach (var found in Scalars(sequence.Children[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
