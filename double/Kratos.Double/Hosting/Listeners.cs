using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kratos.Double.Hosting;

/// <summary>
/// The two httpds bound where the config says (oryx/configx Serve: serve.public.host / serve.admin.host, default ""
/// which Go's listener takes as every interface; "unix:/path" a socket; ports 4433 / 4434), each logging Kratos's
/// start line for the emulated version (cmd/daemon/serve.go).
/// </summary>
internal static class Listeners
{
    public static async Task<(WebApplication Public, WebApplication Admin)> BindAsync(
        JsonObject root, ServeSettings options, KratosLog log, string version, Task<Func<Runtime>> ready, CancellationToken cancellationToken)
    {
        var publicApp = Build(Host(root, "public", options), ConfigBuilder.ConfiguredPort(root, "public", options.PublicPort, 4433), options.PublicListener, ready, admin: false);
        var adminApp = Build(Host(root, "admin", options), ConfigBuilder.ConfiguredPort(root, "admin", options.AdminPort, 4434), options.AdminListener, ready, admin: true);
        try
        {
            await StartAsync(publicApp, "public", root, options, log, version, cancellationToken).ConfigureAwait(false);
            await StartAsync(adminApp, "admin", root, options, log, version, cancellationToken).ConfigureAwait(false);
            return (publicApp, adminApp);
        }
        catch
        {
            await publicApp.DisposeAsync().ConfigureAwait(false);
            await adminApp.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The host a surface listens on: the option, else serve.&lt;surface&gt;.host, else "" (every interface).</summary>
    public static string Host(JsonObject root, string surface, ServeSettings options) =>
        options.BindAddress ?? ConfigLoader.Str(root, $"serve.{surface}.host") ?? string.Empty;

    public static int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var colon = address.LastIndexOf(':');
        return colon > address.IndexOf("://", StringComparison.Ordinal) + 2
            && int.TryParse(address[(colon + 1)..].TrimEnd('/'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : 0;
    }

    private static async Task StartAsync(WebApplication app, string surface, JsonObject root, ServeSettings options, KratosLog log, string version, CancellationToken ct)
    {
        var listener = surface == "public" ? options.PublicListener : options.AdminListener;
        var port = listener?.LocalEndPoint is IPEndPoint taken
            ? taken.Port
            : ConfigBuilder.ConfiguredPort(root, surface, surface == "public" ? options.PublicPort : options.AdminPort, surface == "public" ? 4433 : 4434);
        var host = Host(root, surface, options);
        var address = host.StartsWith("unix:", StringComparison.Ordinal) ? host : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        var name = surface == "public" ? "public" : "admin";
        if (EmulatedVersion.Compare(version, EmulatedVersion.V26_2_0) >= 0)
        {
            log.Info($"Starting the {name} httpd", ("addr", address));
        }
        else
        {
            log.Info($"Starting the {name} httpd on: {address}");
        }

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            var message = $"listen tcp {address}: bind: {(e.InnerException?.Message ?? e.Message).ToLowerInvariant()}";
            log.Error($"Failed to gracefully shutdown {name} httpd: {message}");
            throw new IOException(message, e);
        }
    }

    private static WebApplication Build(string host, int port, System.Net.Sockets.Socket? listener, Task<Func<Runtime>> ready, bool admin)
    {
        // The empty builder: no appsettings.json, no ASPNETCORE_* variables, no logging providers. The slim one reads
        // appsettings.json with reload on change, which puts a recursive file watcher on the working directory: in a
        // checkout that is every folder of the repository, and every evidence file a suite run writes wakes it (it
        // cost a third of the in-process runs' CPU). Kratos reads only kratos.yml and its environment.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore();
        if (listener is not null)
        {
            // Kestrel asks its socket transport for a bound socket per endpoint; this one already is.
            builder.WebHost.UseSockets(o => o.CreateBoundListenSocket = _ => listener);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (listener?.LocalEndPoint is IPEndPoint taken)
            {
                k.Listen(taken);
            }
            else if (host.StartsWith("unix:", StringComparison.Ordinal))
            {
                k.ListenUnixSocket(host["unix:".Length..]);
            }
            else if (host.Length == 0)
            {
                k.ListenAnyIP(port);
            }
            else if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
            {
                k.Listen(ip, port);
            }
            else
            {
                // Go's net.Listen with a host name listens on one of its addresses (the first IPv4 one first).
                var addresses = Dns.GetHostAddresses(host);
                k.Listen(addresses.OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).First(), port);
            }
        });
        var app = builder.Build();
        app.Run(async ctx => await new Router(await ready.ConfigureAwait(false), admin).HandleAsync(ctx).ConfigureAwait(false));
        return app;
    }
}
