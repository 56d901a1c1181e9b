using Kratos.Double.Http;
using Kratos.Double.Logging;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.State.Migrations;

/// <summary>
/// oryx/popx's migration box over the double's SQLite file: the schema_migration table (version VARCHAR(48),
/// version_self INT, unique on version), Status() as "migrate sql status" prints it, Up() applying each pending
/// migration and its version row in one transaction, logged with popx's lines.
/// </summary>
internal sealed class Migrator(SqliteConnection connection, string version, KratosLog log, IReadOnlySet<string>? deviations = null)
{
    public const string Table = "schema_migration";

    /// <summary>The emulated version's migrations with whether each is applied, oldest first.</summary>
    public IReadOnlyList<(SchemaMigration Migration, bool Applied)> Status()
    {
        var applied = AppliedVersions();
        return [.. DoubleMigrations.For(version).Select(m => (m, applied.Contains(m.Version)))];
    }

    public bool HasPending() => Status().Any(s => !s.Applied);

    /// <summary>Every version recorded in schema_migration (empty when the table does not exist yet).</summary>
    public HashSet<string> AppliedVersions()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{Table}'";
        if (command.ExecuteScalar() is null)
        {
            return result;
        }

        command.CommandText = $"SELECT version FROM {Table}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>Applies what is pending; returns how many migrations ran.</summary>
    public int Up()
    {
        var upgrade = AppliedVersions().Count > 0;
        CreateTable();
        var count = 0;
        foreach (var (migration, applied) in Status())
        {
            if (applied || (upgrade && Has(Config.DeviationNames.UpgradeLeavesSchemaBehind) && migration.IntroducedIn == version))
            {
                continue;
            }

            var file = $"migrations/sql/{migration.Version}_{migration.Name}.sqlite3.up.sql";
            log.Info("Migration has not yet been applied, running migration.", ("migration_file", file), ("migration_name", migration.Name), ("version", migration.Version));
            using (var transaction = connection.BeginTransaction())
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = migration.UpSql;
                command.ExecuteNonQuery();
                command.CommandText = $"INSERT INTO {Table} (version) VALUES ($version)";
                command.Parameters.AddWithValue("$version", migration.Version);
                command.ExecuteNonQuery();
                transaction.Commit();
            }

            log.Info($"> {migration.Name} applied successfully", ("autocommit", false), ("migration_file", file), ("migration_name", migration.Name), ("version", migration.Version));
            count++;
        }

        if (upgrade && count > 0)
        {
            Damage();
        }

        return count;
    }

    private bool Has(string deviation) => deviations?.Contains(deviation) == true;

    /// <summary>The upgrade deviations that damage the data an older version wrote (the double's only; Kratos keeps it).</summary>
    private void Damage()
    {
        var statements = new List<string>();
        if (Has(Config.DeviationNames.UpgradeDropsTotp))
        {
            statements.Add("DELETE FROM identity_credentials WHERE type = 'totp'");
        }

        if (Has(Config.DeviationNames.UpgradeDropsWebAuthn))
        {
            statements.Add("DELETE FROM identity_credentials WHERE type = 'webauthn'");
        }

        if (Has(Config.DeviationNames.UpgradeLosesVerifiedFlags))
        {
            statements.Add("UPDATE identity_verifiable_addresses SET verified = 0, status = 'pending', verified_at = NULL");
        }

        if (Has(Config.DeviationNames.UpgradeInvalidatesSessions))
        {
            statements.Add("UPDATE sessions SET active = 0");
        }

        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private void CreateTable()
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {Table} (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0);
            CREATE UNIQUE INDEX IF NOT EXISTS {Table}_version_idx ON {Table} (version);
            CREATE INDEX IF NOT EXISTS {Table}_version_self_idx ON {Table} (version_self);
            """;
        command.ExecuteNonQuery();
    }
}
