namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The database an upgrade carries from version A to version B, and how a Kratos version is migrated onto it and
/// started on it: in this process on a SQLite file (<see cref="InProcessUpgradeDatabase"/>), or in containers sharing
/// a named Docker volume (<see cref="ContainersUpgradeDatabase"/>). Disposing removes the database and what was started for it.
/// </summary>
public interface IUpgradeDatabase : IAsyncDisposable
{
    /// <summary>Where the data lives, for the report (e.g. "SQLite file /tmp/…/db.sqlite").</summary>
    string Description { get; }

    /// <summary>The config overlay every Kratos of this upgrade runs with (fixtures/profiles/storage/upgrade.yml).</summary>
    string ConfigOverlay { get; }

    /// <summary>
    /// <c>kratos migrate sql -e --yes</c> of <paramref name="version"/> (the double emulating it, or
    /// <paramref name="image"/>) on the database; what it did. Containers run it as the job before serve.
    /// </summary>
    Task<string> MigrateAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken);

    /// <summary>
    /// Empties the mail sink once A is stopped: A's mails are in A's templates (v1.3.1's differ from v25.4.0's), and
    /// B's mail waits count B's mails from the first.
    /// </summary>
    Task ClearMailAsync(CancellationToken cancellationToken);

    /// <summary><c>kratos serve</c> of <paramref name="version"/> on the database, once it answers.</summary>
    Task<UpgradeKratos> StartAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken);
}
