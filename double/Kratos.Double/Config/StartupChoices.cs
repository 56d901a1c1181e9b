namespace Kratos.Double.Config;

/// <summary>The double's own knobs: emulated version and deviations, from options or environment.</summary>
internal static class StartupChoices
{
    public static string Version(KratosDoubleOptions options)
    {
        var version = options.Emulate ?? (options.Environment.TryGetValue("KRATOS_DOUBLE_EMULATE", out var env) ? env : null);
        if (string.IsNullOrWhiteSpace(version))
        {
            return EmulatedVersion.V26_2_0;
        }

        version = version.Trim();
        if (!version.StartsWith('v'))
        {
            version = "v" + version;
        }

        return EmulatedVersion.Supported.Contains(version)
            ? version
            : throw KratosDoubleConfigException.For(
                "--emulate / KRATOS_DOUBLE_EMULATE", $"version '{version}' is not emulated", "use one of " + string.Join(", ", EmulatedVersion.Supported));
    }

    public static HashSet<string> ActiveDeviations(KratosDoubleOptions options)
    {
        IEnumerable<string> names = options.Deviations.Count > 0
            ? options.Deviations
            : (options.Environment.TryGetValue("KRATOS_DOUBLE_DEVIATIONS", out var env) ? env : string.Empty).Split(',');
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!Deviations.IsKnown(name))
            {
                throw KratosDoubleConfigException.For(
                    "KRATOS_DOUBLE_DEVIATIONS", $"unknown deviation '{name}'", "use one of " + string.Join(", ", Deviations.All.Select(d => d.Name)));
            }

            result.Add(name);
        }

        return result;
    }
}
