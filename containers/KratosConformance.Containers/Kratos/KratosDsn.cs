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
        && !dsn.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
        && !dsn.Contains(":memory:", StringComparison.Ordinal);

    /// <summary>
    /// The folder inside the container that holds a SQLite file DSN's database (sqlite:///var/lib/sqlite/db.sqlite →
    /// /var/lib/sqlite; a relative path is relative to the image's WORKDIR /home/ory); null for other databases.
    /// </summary>
    public static string? SqliteDirectory(KratosConfiguration configuration)
    {
        if (!NeedsMigration(configuration) || Of(configuration) is not { } dsn)
        {
            return null;
        }

        var scheme = new[] { "sqlite://", "sqlite3://" }.FirstOrDefault(s => dsn.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            return null;
        }

        var path = dsn[scheme.Length..].Split('?', 2)[0];
        path = path.StartsWith("file:", StringComparison.Ordinal) ? path["file:".Length..] : path;
        var full = path.StartsWith('/') ? path : "/home/ory/" + path.TrimStart('.', '/');
        var slash = full.LastIndexOf('/');
        return slash <= 0 ? "/" : full[..slash];
    }

    [GeneratedRegex(@"^dsn:\s*(?<dsn>\S+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDsn();
}
