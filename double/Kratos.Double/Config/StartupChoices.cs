namespace Kratos.Double.Config;

/// <summary>The double's own knobs: emulated version and deviations, from options or environment.</summary>
internal static class StartupChoices
{
    public static string Version(ServeSettings options)
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

    public static HashSet<string> ActiveDeviations(ServeSettings options)
    {
        IEnumerable<string> names = options.RequestedDeviations.Count > 0
            ? options.RequestedDeviations
            : (options.Environment.TryGetValue("KRATOS_DOUBLE_DEVIATIONS", out var env) ? env : string.Empty).Split(',');
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!DeviationNames.IsKnown(name))
            {
                throw KratosDoubleConfigException.For(
                    "KRATOS_DOUBLE_DEVIATIONS", $"unknown deviation '{name}'", "use one of " + string.Join(", ", DeviationNames.Known.Select(d => d.Name)));
            }

            result.Add(name);
        }

        return result;
    }
}
