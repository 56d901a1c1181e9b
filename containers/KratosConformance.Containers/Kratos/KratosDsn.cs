using System.Text.RegularExpressions;

namespace KratosConformance.Containers;

/// <summary>Decides whether the migration job must run: only a persistent database needs it.</summary>
internal static partial class KratosDsn
{
    public static string? Of(KratosConfiguration configuration)
    {
        // Kratos lets the DSN environment variable override the file, so it wins here too.
        if (configuration.Environments?.TryGetValue("DSN", out var fromEnvironment) == true)
        {
            return fromEnvironment;
        }

        var match = configuration.ConfigYml is null ? null : TopLevelDsn().Match(configuration.ConfigYml);
        return match is { Success: true } ? match.Groups["dsn"].Value.Trim('"', '\'') : null;
    }

    public static bool NeedsMigration(KratosConfiguration configuration) =>
        Of(configuration) is { Length: > 0 } dsn
        && dsn != "memory"
        && !dsn.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^dsn:\s*(?<dsn>\S+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDsn();
}
