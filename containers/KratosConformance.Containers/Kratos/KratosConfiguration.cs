namespace KratosConformance.Containers;

/// <summary>
/// Kratos-specific settings kept beside the container configuration, because the migration job and the failure
/// message need them again after the builder is gone.
/// </summary>
public sealed class KratosConfiguration : ContainerConfiguration
{
    public KratosConfiguration(
        string? configYml = null,
        IReadOnlyDictionary<string, string>? configFiles = null,
        bool? dev = null,
        bool? watchCourier = null,
        int? publicHostPort = null,
        IVolume? sqliteVolume = null,
        ContainerPatience? patience = null,
        bool? sqliteVolumeShared = null)
    {
        SqliteVolumeShared = sqliteVolumeShared;
        Patience = patience;
        ConfigYml = configYml;
        ConfigFiles = configFiles;
        Dev = dev;
        WatchCourier = watchCourier;
        PublicHostPort = publicHostPort;
        SqliteVolume = sqliteVolume;
    }

    public KratosConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public KratosConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public KratosConfiguration(KratosConfiguration resourceConfiguration)
        : this(new KratosConfiguration(), resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public KratosConfiguration(KratosConfiguration oldValue, KratosConfiguration newValue)
        : base(oldValue, newValue)
    {
        ConfigYml = BuildConfiguration.Combine(oldValue.ConfigYml, newValue.ConfigYml);
        ConfigFiles = BuildConfiguration.Combine(oldValue.ConfigFiles, newValue.ConfigFiles);
        Dev = BuildConfiguration.Combine(oldValue.Dev, newValue.Dev);
        WatchCourier = BuildConfiguration.Combine(oldValue.WatchCourier, newValue.WatchCourier);
        PublicHostPort = BuildConfiguration.Combine(oldValue.PublicHostPort, newValue.PublicHostPort);
        SqliteVolume = BuildConfiguration.Combine(oldValue.SqliteVolume, newValue.SqliteVolume);
        Patience = BuildConfiguration.Combine(oldValue.Patience, newValue.Patience);
        SqliteVolumeShared = BuildConfiguration.Combine(oldValue.SqliteVolumeShared, newValue.SqliteVolumeShared);
    }

    /// <summary>The kratos.yml text copied to <see cref="KratosBuilder.ConfigPath" />.</summary>
    public string? ConfigYml { get; }

    /// <summary>Other files (identity schemas, templates) copied beside kratos.yml, by file name.</summary>
    public IReadOnlyDictionary<string, string>? ConfigFiles { get; }

    public bool? Dev { get; }

    public bool? WatchCourier { get; }

    /// <summary>The host port chosen before start, so that Kratos's public base URL is known to Kratos itself.</summary>
    public int? PublicHostPort { get; }

    /// <summary>
    /// For a SQLite file DSN: the named volume mounted at the file's folder in both the migration job and Kratos, so
    /// serve opens the database the job migrated (an image VOLUME would give each container its own empty one).
    /// </summary>
    public IVolume? SqliteVolume { get; }

    /// <summary>
    /// True when <see cref="SqliteVolume" /> was given (<see cref="KratosBuilder.WithSqliteVolume" />) and outlives this
    /// container: the upgrade's database, which version A's and version B's containers share. The giver removes it.
    /// </summary>
    public bool? SqliteVolumeShared { get; }

    /// <summary>Scales the ready and migration deadlines; null: KC_PATIENCE.</summary>
    public ContainerPatience? Patience { get; }

    /// <summary><see cref="Patience" /> or, when none was given, the one KC_PATIENCE sets.</summary>
    internal ContainerPatience EffectivePatience => Patience ?? ContainerPatience.FromEnvironment();
}
