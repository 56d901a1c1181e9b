using Kratos.Double.Config;
using Kratos.Double.Logging;
using Kratos.Double.State;
using Kratos.Double.State.Migrations;
using Kratos.Double.State.Sqlite;

namespace Kratos.Double;

/// <summary>
/// The double's database outside of serve: what <c>kratos migrate sql -e --yes</c> does, for callers in-process (tests,
/// and later the upgrade certification), and which schema versions a database holds.
/// </summary>
public static class KratosDoubleDatabase
{
    /// <summary>Applies the pending migrations of <paramref name="version"/> to the SQLite file <paramref name="dsn"/> names.</summary>
    /// <param name="dsn">A sqlite:// file DSN (memory: nothing to migrate).</param>
    /// <param name="version">The emulated version whose migrations apply.</param>
    /// <param name="log">Where popx's migration lines go.</param>
    /// <param name="deviations">Upgrade deviations (<see cref="Deviations.Upgrade"/>) this migration shows; none when null.</param>
    /// <returns>How many migrations ran (0 for dsn memory, which has nothing to keep).</returns>
    public static int Migrate(string dsn, string version, TextWriter log, IReadOnlyCollection<string>? deviations = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var parsed = Dsn.Parse(dsn);
        var checkedVersion = StartupChoices.Version(new ServeSettings { Emulate = version });
        if (parsed.InMemory)
        {
            return 0;
        }

        using var connection = SqliteStore.Open(parsed.FilePath!);
        var active = StartupChoices.ActiveDeviations(new ServeSettings { Emulate = version, RequestedDeviations = [.. deviations ?? []] });
        return new Migrator(connection, checkedVersion, new KratosLog(log, checkedVersion), active).Up();
    }

    /// <summary>The versions recorded in schema_migration, oldest first (empty for a database never migrated).</summary>
    public static IReadOnlyList<string> AppliedVersions(string dsn)
    {
        var parsed = Dsn.Parse(dsn);
        if (parsed.InMemory)
        {
            return [];
        }

        using var connection = SqliteStore.Open(parsed.FilePath!);
        return [.. new Migrator(connection, EmulatedVersion.V26_2_0, new KratosLog(TextWriter.Null, EmulatedVersion.V26_2_0)).AppliedVersions().Order(StringComparer.Ordinal)];
    }

    /// <summary>The newest emulated Kratos version whose migrations the database holds; null when never migrated.</summary>
    public static string? MigratedVersion(string dsn) => DoubleMigrations.VersionOf([.. AppliedVersions(dsn)]);
}
