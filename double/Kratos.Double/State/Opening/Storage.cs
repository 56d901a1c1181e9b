using Kratos.Double.Http;
using Kratos.Double.Logging;
using Kratos.Double.State.Migrations;
using Kratos.Double.State.Sqlite;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.State.Opening;

/// <summary>
/// Opens the store a DSN names the way driver/registry_default.go Init does before serving: memory needs no
/// migration (Kratos runs its migrations at every start then, and says so); a SQLite file must have been migrated by
/// `migrate sql`: until its networks table exists, Kratos logs "Unable to determine network, retrying." and retries
/// with exponential back-off (0.5 s, ×1.5, ±50 %, at most 60 s apart) for up to five minutes, then gives up.
/// </summary>
internal static class Storage
{
    /// <summary>driver/registry_default.go: bc.MaxElapsedTime = time.Minute * 5.</summary>
    public static readonly TimeSpan KratosRetryBudget = TimeSpan.FromMinutes(5);

    /// <returns>The store, and per emulated version a check whether one of its migrations is still pending.</returns>
    public static async Task<(IStore Store, Func<string, Func<bool>> PendingFor)> OpenForServeAsync(
        Dsn dsn, KratosLog log, TimeSpan retryBudget, CancellationToken cancellationToken)
    {
        if (dsn.InMemory)
        {
            log.Info("Ory Kratos is running migrations on every startup as DSN is memory. This means your data is lost when Kratos terminates.");
            return (new MemoryStore(), _ => () => false);
        }

        var started = DateTimeOffset.UtcNow;
        var interval = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            var (message, problem) = TryOpen(dsn.FilePath!, out var connection);
            if (connection is not null)
            {
                var store = new SqliteStore(connection);
                return (store, version => PendingCheck(store, new Migrator(connection, version, log)));
            }

            log.Warn(message, ("error", KratosLog.ErrorMap(problem)));
            var next = Jitter(interval);
            if (DateTimeOffset.UtcNow - started + next > retryBudget)
            {
                log.Error("Unable to initialize service registry.", ("error", KratosLog.ErrorMap(problem)));
                throw new StorageUnavailableException(problem);
            }

            await Task.Delay(next, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), TimeSpan.FromSeconds(60).Ticks));
        }
    }

    /// <summary>Like healthx's migrations checker: asks the database until nothing is pending, then remembers that.</summary>
    private static Func<bool> PendingCheck(SqliteStore store, Migrator migrator)
    {
        var done = false;
        return () =>
        {
            if (done)
            {
                return false;
            }

            lock (store.Gate)
            {
                done = !migrator.HasPending();
                return !done;
            }
        };
    }

    /// <summary>Opens the file and finds (or creates) the network row; a problem is returned as Kratos logs it.</summary>
    private static (string Message, string Problem) TryOpen(string path, out SqliteConnection? connection)
    {
        connection = null;
        SqliteConnection opened;
        try
        {
            opened = SqliteStore.Open(path);
        }
        catch (SqliteException e)
        {
            return ("Unable to ping database, retrying.", "unable to open database file: " + e.Message);
        }

        try
        {
            using var command = opened.CreateCommand();
            command.CommandText = "SELECT id FROM networks ORDER BY created_at ASC LIMIT 1";
            if (command.ExecuteScalar() is null)
            {
                var now = Sqlite.Row.Time(DateTimeOffset.UtcNow);
                command.CommandText = "INSERT INTO networks (id, created_at, updated_at) VALUES ($id, $now, $now)";
                command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
                command.Parameters.AddWithValue("$now", now);
                command.ExecuteNonQuery();
            }

            connection = opened;
            return (string.Empty, string.Empty);
        }
        catch (SqliteException e)
        {
            opened.Dispose();
            // Kratos's sqlite driver says "no such table: networks"; Microsoft.Data.Sqlite prefixes "SQLite Error 1: '…'".
            return ("Unable to determine network, retrying.", e.SqliteErrorCode == 1 ? StripPrefix(e.Message) : e.Message);
        }
    }

    private static string StripPrefix(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }

    private static TimeSpan Jitter(TimeSpan interval) =>
        TimeSpan.FromTicks((long)(interval.Ticks * (0.5 + Random.Shared.NextDouble())));
}
