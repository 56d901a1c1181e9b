namespace KratosConformance.Containers;

/// <summary>
/// Builds a Kratos container (oryd/kratos or any image taking the same arguments, such as the reference double).
/// </summary>
public sealed class KratosBuilder : ContainerBuilder<KratosBuilder, KratosContainer, KratosConfiguration>
{
    public const string DefaultImage = "oryd/kratos:v26.2.0";
    public const ushort PublicPort = 4433;
    public const ushort AdminPort = 4434;
    public const string ConfigDirectory = "/etc/config/kratos/";
    public const string ConfigPath = ConfigDirectory + "kratos.yml";

    public KratosBuilder(string image = DefaultImage)
        : this(new DockerImage(Configured(image)))
    {
    }

    public KratosBuilder(IImage image)
        : this(new KratosConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    private KratosBuilder(KratosConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override KratosConfiguration DockerResourceConfiguration { get; }

    public KratosBuilder WithConfig(string kratosYml) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(configYml: kratosYml))
            .WithResourceMapping(Encoding.UTF8.GetBytes(kratosYml), ConfigPath);

    /// <summary>Copies a schema (or any file kratos.yml refers to) to /etc/config/kratos/<paramref name="fileName" />.</summary>
    public KratosBuilder WithIdentitySchema(string fileName, string json)
    {
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Length == 0)
        {
            throw new ArgumentException($"'{fileName}' must be a plain file name: it is copied into {ConfigDirectory}.", nameof(fileName));
        }

        var files = new Dictionary<string, string>(DockerResourceConfiguration.ConfigFiles ?? new Dictionary<string, string>())
        {
            [fileName] = json,
        };
        return Merge(DockerResourceConfiguration, new KratosConfiguration(configFiles: files))
            .WithResourceMapping(Encoding.UTF8.GetBytes(json), ConfigDirectory + fileName);
    }

    /// <summary>
    /// --dev: on by default, because without it Kratos marks cookies Secure (lost over plain http) and redacts
    /// courier message bodies in the admin API.
    /// </summary>
    public KratosBuilder WithDev(bool dev) => Merge(DockerResourceConfiguration, new KratosConfiguration(dev: dev));

    /// <summary>--watch-courier: on by default, because without it Kratos never sends the login-code mail.</summary>
    public KratosBuilder WithWatchCourier(bool watchCourier) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(watchCourier: watchCourier));

    /// <summary>
    /// The run's patience: scales the "Kratos ready" and "Kratos migration" deadlines, which then name themselves and
    /// --patience when they expire. Without it, KC_PATIENCE decides.
    /// </summary>
    public KratosBuilder WithPatience(ContainerPatience patience) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(patience: patience));

    /// <summary>
    /// Keeps the SQLite file on <paramref name="volume" /> (mounted at the DSN's folder in the migration job and in
    /// serve) instead of a volume of its own; the volume outlives the container (an upgrade's A and B share it).
    /// </summary>
    public KratosBuilder WithSqliteVolume(IVolume volume) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(sqliteVolume: volume, sqliteVolumeShared: true));

    /// <summary>Uses this host port for the public API instead of a free one picked at <see cref="Build" />.</summary>
    public KratosBuilder WithPublicHostPort(int port) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(publicHostPort: port));

    public override KratosContainer Build()
    {
        Validate();

        // The public port is chosen before start so Kratos can be told its own base URL: redirects and cookies it
        // issues then point at an address the host (tests, browser) can reach. FreePort picks outside the kernel's
        // ephemeral range, so no bind(0) or outgoing connection of another process lands on it before Docker binds it;
        // a collision that still happens fails the start with HostPortTakenException.
        var port = DockerResourceConfiguration.PublicHostPort ?? FreePort.Pick();
        var builder = Merge(DockerResourceConfiguration, new KratosConfiguration(publicHostPort: port))
            .WithPortBinding(port, PublicPort);
        if (DockerResourceConfiguration.Environments?.ContainsKey("SERVE_PUBLIC_BASE_URL") != true)
        {
            builder = builder.WithEnvironment("SERVE_PUBLIC_BASE_URL", KratosContainer.PublicUrlFor(port).ToString());
        }

        // The image's ENTRYPOINT ["kratos"] stays; these arguments replace its CMD ["serve"], as with oryd/kratos.
        if (DockerResourceConfiguration.Command?.Any() != true)
        {
            builder = builder.WithCommand([.. ServeCommand()]);
        }

        if (KratosDsn.SqliteDirectory(DockerResourceConfiguration) is { } shared && DockerResourceConfiguration is { SqliteVolume: { } given, SqliteVolumeShared: true })
        {
            builder = builder.WithVolumeMount(given, shared);
        }
        else if (KratosDsn.SqliteDirectory(DockerResourceConfiguration) is { } directory && DockerResourceConfiguration.SqliteVolume is null)
        {
            var volume = new VolumeBuilder()
                .WithName($"{DockerEnvironment.SessionId}-sqlite-{Guid.NewGuid().ToString("N")[..12]}")
                .WithLabel(DockerEnvironment.SessionLabels)
                .Build();
            builder = builder.Merge(builder.DockerResourceConfiguration, new KratosConfiguration(sqliteVolume: volume)).WithVolumeMount(volume, directory);
        }

        // Only the admin port is probed: the images are distroless, so nothing can be executed inside them. The
        // prefixed path: v1.3.1 and v25.4.0 answer /health/ready with a 307 to /admin/health/ready.
        if ((DockerResourceConfiguration.WaitStrategies?.Count() ?? 0) <= 1)
        {
            builder = builder.WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                request => request.ForPort(AdminPort).ForPath("/admin/health/ready"),
                o => o.WithTimeout(DockerResourceConfiguration.EffectivePatience.KratosReady.Limit)));
        }

        return new KratosContainer(builder.DockerResourceConfiguration);
    }

    protected override KratosBuilder Init() =>
        base.Init()
            .WithPortBinding(AdminPort, true)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithDev(true)
            .WithWatchCourier(true);

    protected override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(DockerResourceConfiguration.ConfigYml))
        {
            throw new ArgumentException("Kratos needs a kratos.yml: call WithConfig(yaml) before Build().");
        }
    }

    protected override KratosBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(resourceConfiguration));

    protected override KratosBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new KratosConfiguration(resourceConfiguration));

    protected override KratosBuilder Merge(KratosConfiguration oldValue, KratosConfiguration newValue) =>
        new(new KratosConfiguration(oldValue, newValue));

    private IEnumerable<string> ServeCommand()
    {
        yield return "serve";
        yield return "-c";
        yield return ConfigPath;
        if (DockerResourceConfiguration.Dev == true)
        {
            yield return "--dev";
        }

        if (DockerResourceConfiguration.WatchCourier == true)
        {
            yield return "--watch-courier";
        }
    }

    // Testcontainers reads its settings once, on first use (DockerImage already does); derive them first.
    private static string Configured(string image)
    {
        DockerEnvironment.EnsureConfigured();
        return image;
    }
}
