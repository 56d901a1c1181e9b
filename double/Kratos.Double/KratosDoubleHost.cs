using System.Net;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kratos.Double;

/// <summary>
/// A running double: the public and admin httpd of <c>kratos serve</c>, in this process. Use it from tests with
/// <c>PublicPort = 0, AdminPort = 0, BindAddress = "127.0.0.1"</c>; the container entrypoint uses it too.
/// </summary>
public sealed class KratosDoubleHost : IAsyncDisposable
{
    private readonly WebApplication _public;
    private readonly WebApplication _admin;
    private readonly Courier.CourierQueue _courier;

    private KratosDoubleHost(WebApplication publicApp, WebApplication adminApp, Courier.CourierQueue courier, DoubleConfig config)
    {
        _public = publicApp;
        _admin = adminApp;
        _courier = courier;
        PublicBaseUrl = config.PublicBaseUrl;
        AdminBaseUrl = config.AdminBaseUrl;
        EmulatedVersion = config.Version;
    }

    /// <summary>The public URL (serve.public.base_url when set, else the bound address).</summary>
    public Uri PublicBaseUrl { get; }

    /// <summary>The admin URL (serve.admin.base_url when set, else the bound address).</summary>
    public Uri AdminBaseUrl { get; }

    /// <summary>The Kratos version whose behaviour is emulated, e.g. v26.2.0.</summary>
    public string EmulatedVersion { get; }

    /// <summary>Loads and checks the config, binds both ports and starts serving.</summary>
    /// <exception cref="KratosDoubleConfigException">The config is one real Kratos refuses.</exception>
    public static async Task<KratosDoubleHost> StartAsync(KratosDoubleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var version = StartupChoices.Version(options);
        var deviations = StartupChoices.ActiveDeviations(options);
        var (root, schema, schemaId, schemaUrl) = await ConfigLoader.LoadAsync(options, cancellationToken).ConfigureAwait(false);
        var log = new KratosLog(options.LogWriter ?? Console.Out);
        var ready = new TaskCompletionSource<(Router Public, Router Admin)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var publicApp = Build(options.BindAddress, ConfigBuilder.ConfiguredPort(root, "public", options.PublicPort, 4433), async ctx => await (await ready.Task.ConfigureAwait(false)).Public.HandleAsync(ctx).ConfigureAwait(false));
        var adminApp = Build(options.BindAddress, ConfigBuilder.ConfiguredPort(root, "admin", options.AdminPort, 4434), async ctx => await (await ready.Task.ConfigureAwait(false)).Admin.HandleAsync(ctx).ConfigureAwait(false));
        try
        {
            await publicApp.StartAsync(cancellationToken).ConfigureAwait(false);
            await adminApp.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await publicApp.DisposeAsync().ConfigureAwait(false);
            await adminApp.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var config = ConfigBuilder.Build(root, schema, schemaId, schemaUrl, version, options.Dev, options.BindAddress, BoundPort(publicApp), BoundPort(adminApp));
        var store = new State.Store();
        var courier = new Courier.CourierQueue(config, store, log, options.WatchCourier);
        var runtime = new Runtime
        {
            Config = config, Store = store, ActiveDeviations = deviations, Courier = courier, Log = log,
            CsrfCookieName = Runtime.CsrfCookieNameFor(config.PublicBaseUrl),
        };
        ready.SetResult((new Router(runtime, admin: false), new Router(runtime, admin: true)));
        log.Info($"Starting the admin httpd on: {options.BindAddress}:{config.AdminPort}");
        log.Info($"Starting the public httpd on: {options.BindAddress}:{config.PublicPort}");
        log.Info("kratos-double is emulating Ory Kratos", ("version", version), ("deviations", string.Join(',', deviations)), ("dev", config.Dev), ("watch_courier", options.WatchCourier));
        return new KratosDoubleHost(publicApp, adminApp, courier, config);
    }

    private static WebApplication Build(string bindAddress, int port, RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (IPAddress.TryParse(bindAddress, out var ip))
            {
                k.Listen(ip, port);
            }
            else
            {
                k.ListenAnyIP(port);
            }
        });
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    private static int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _courier.DisposeAsync().ConfigureAwait(false);
        await _public.StopAsync().ConfigureAwait(false);
        await _admin.StopAsync().ConfigureAwait(false);
        await _public.DisposeAsync().ConfigureAwait(false);
        await _admin.DisposeAsync().ConfigureAwait(false);
    }
}
