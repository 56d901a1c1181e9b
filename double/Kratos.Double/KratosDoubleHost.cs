using Kratos.Double.Config;
using Kratos.Double.Hosting;
using Kratos.Double.Http;
using Kratos.Double.Logging;
using Kratos.Double.State;
using Kratos.Double.State.Opening;
using Microsoft.AspNetCore.Builder;

namespace Kratos.Double;

/// <summary>
/// A running double: the public and admin httpd of <c>kratos serve</c>, in this process. Tests use it with
/// <c>PublicPort = 0, AdminPort = 0, BindAddress = "127.0.0.1"</c>; the kratos-double binary (and its image) too.
/// <see cref="Reconfigure"/> switches deviations and the emulated version between suite runs without a restart.
/// </summary>
public sealed class KratosDoubleHost : IAsyncDisposable
{
    private readonly Lock _switch = new();
    private WebApplication _public = null!;
    private WebApplication _admin = null!;
    private Courier.CourierQueue _courier = null!;
    private IStore _store = null!;
    private Func<string, DoubleConfig> _configFor = null!;
    private Func<string, Func<bool>> _pendingFor = null!;
    private Runtime _runtime = null!;

    private KratosDoubleHost()
    {
    }

    /// <summary>The public URL (serve.public.base_url when set, else the bound address).</summary>
    public Uri PublicBaseUrl => Current().Config.PublicBaseUrl;

    /// <summary>The admin URL (serve.admin.base_url when set, else the bound address).</summary>
    public Uri AdminBaseUrl => Current().Config.AdminBaseUrl;

    /// <summary>The Kratos version whose behaviour is emulated, e.g. v26.2.0.</summary>
    public string EmulatedVersion => Current().Config.Version;

    /// <summary>The deviations requests are answered with now.</summary>
    public IReadOnlySet<string> ActiveDeviations => Current().ActiveDeviations;

    /// <summary>
    /// Switches the deviations (and, when <paramref name="emulate"/> is given, the emulated version) for every request
    /// that arrives from now on; requests already running finish with the old ones. With <paramref name="clearStore"/>
    /// identities, sessions, flows, codes and courier messages are deleted first, so the next run starts as on a fresh
    /// double. Call it between runs, not during one.
    /// </summary>
    /// <exception cref="KratosDoubleConfigException">An unknown deviation or version; nothing is switched then.</exception>
    public void Reconfigure(IReadOnlyCollection<string> deviations, string? emulate = null, bool clearStore = true)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var choice = new KratosDoubleOptions { Deviations = deviations, Emulate = emulate ?? EmulatedVersion, Environment = new Dictionary<string, string>() };
        var active = StartupChoices.ActiveDeviations(choice.Settings());
        var version = StartupChoices.Version(choice.Settings());
        lock (_switch)
        {
            var current = Current();
            var config = version == current.Config.Version ? current.Config : _configFor(version);
            if (clearStore)
            {
                lock (_store.Gate)
                {
                    _store.Clear();
                }
            }

            current.Log.Version = version;
            Volatile.Write(ref _runtime, current with { Config = config, ActiveDeviations = active, PendingMigrations = _pendingFor(version) });
        }
    }

    /// <summary>Loads and checks the config, opens the database its dsn names, binds both ports and starts serving.</summary>
    /// <exception cref="KratosDoubleConfigException">The config is one real Kratos refuses.</exception>
    /// <exception cref="StorageUnavailableException">The database stayed unusable for the retry budget (e.g. not migrated).</exception>
    /// <exception cref="IOException">A port could not be bound.</exception>
    public static async Task<KratosDoubleHost> StartAsync(KratosDoubleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Settings();
        var version = StartupChoices.Version(settings);
        var deviations = StartupChoices.ActiveDeviations(settings);
        var log = new KratosLog(options.LogWriter ?? Console.Error, version);
        log.Configure(options.Env("LOG_LEVEL"), options.Env("LOG_FORMAT"));
        var loaded = await LoadConfigAsync(options, log, cancellationToken).ConfigureAwait(false);
        log.Configure(ConfigLoader.Str(loaded.Root, "log.level"), ConfigLoader.Str(loaded.Root, "log.format"));
        var dsn = Dsn.Parse(ConfigLoader.Str(loaded.Root, "dsn")!);
        var host = new KratosDoubleHost();
        (host._store, host._pendingFor) = await Storage.OpenForServeAsync(dsn, log, options.StorageRetryBudget, cancellationToken).ConfigureAwait(false);
        try
        {
            StartupLog.BeforeListening(log, loaded.Root, version, settings);
            var ready = new TaskCompletionSource<Func<Runtime>>(TaskCreationOptions.RunContinuationsAsynchronously);
            (host._public, host._admin) = await Listeners.BindAsync(loaded.Root, settings, log, version, ready.Task, cancellationToken).ConfigureAwait(false);
            var publicPort = Listeners.BoundPort(host._public);
            var adminPort = Listeners.BoundPort(host._admin);
            var baseHost = Listeners.Host(loaded.Root, "public", settings);
            host._configFor = v => ConfigBuilder.Build(loaded.Root, loaded.Schema, loaded.SchemaId, loaded.SchemaUrl, v, options.Dev, baseHost, publicPort, adminPort);
            var config = host._configFor(version);
            host._courier = new Courier.CourierQueue(() => host.Current().Config, host._store, log, options.WatchCourier);
            host._runtime = new Runtime
            {
                Config = config, Store = host._store, ActiveDeviations = deviations, Courier = host._courier, Log = log,
                PendingMigrations = host._pendingFor(version), CsrfCookieName = Runtime.CsrfCookieNameFor(config.PublicBaseUrl),
            };
            ready.SetResult(host.Current);
            host._courier.Start();
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(System.Text.Json.Nodes.JsonObject Root, IdentitySchema Schema, string SchemaId, string SchemaUrl)> LoadConfigAsync(
        KratosDoubleOptions options, KratosLog log, CancellationToken cancellationToken)
    {
        try
        {
            return await ConfigLoader.LoadAsync(options.Settings(), cancellationToken).ConfigureAwait(false);
        }
        catch (KratosDoubleConfigException e)
        {
            // driver/factory.go NewWithoutInit logs this before the command fails.
            log.Error("Unable to instantiate configuration.", ("error", KratosLog.ErrorMap(e.Message)));
            throw;
        }
    }

    private Runtime Current() => Volatile.Read(ref _runtime);

    public async ValueTask DisposeAsync()
    {
        if (_courier is not null)
        {
            await _courier.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var (app, name) in new[] { (_public, "Public"), (_admin, "Admin") })
        {
            if (app is not null)
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
                Volatile.Read(ref _runtime)?.Log.Info($"{name} httpd was shutdown gracefully");
            }
        }

        if (_store is not null)
        {
            lock (_store.Gate)
            {
                _store.Dispose();
            }
        }
    }
}
