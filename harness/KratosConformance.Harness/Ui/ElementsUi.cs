using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The second reference login UI: an SPA built from Ory Elements (<c>@ory/elements-react</c>, sources in
/// <c>Ui/Elements/</c>, bundled by ./kc into <see cref="BundleDirectory"/>), served as static files on its own origin. It
/// talks JSON to Kratos across origins (fetch with credentials, so Kratos's <c>serve.public.cors</c> must allow this
/// origin), renders the flow with Elements' own components and test ids, and ends a flow by following Kratos's
/// <c>continue_with</c>/<c>redirect_browser_to</c>: the other way a team's UI can be built, next to the server-rendered
/// <see cref="ReferenceUi"/>. Every path but the bundle's files answers index.html (the SPA routes by path).
/// </summary>
public sealed class ElementsUi : IAsyncDisposable
{
    /// <summary>KC_ELEMENTS_UI_DIR: the bundle's folder, set by ./kc after it bundled the SPA.</summary>
    public const string BundleVariable = "KC_ELEMENTS_UI_DIR";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["/app.js"] = "text/javascript; charset=utf-8",
        ["/app.css"] = "text/css; charset=utf-8",
    };

    private readonly WebApplication _app;

    private ElementsUi(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/, the origin Kratos's CORS must allow.</summary>
    public Uri BaseUrl { get; }

    public Uri LoginUrl => new(BaseUrl, "login");

    public Uri ErrorUrl => new(BaseUrl, "error");

    /// <summary>selfservice.flows.settings.ui_url: Elements' Settings screen (TOTP, backup codes, profile, password) for the flow in ?flow=.</summary>
    public Uri SettingsUrl => new(BaseUrl, "settings");

    /// <summary>/: whoami from the browser; an aal1 session that needs aal2 follows redirect_browser_to (spec §4.1).</summary>
    public Uri HomeUrl => BaseUrl;

    /// <summary>
    /// The bundle ./kc built, from <see cref="BundleVariable"/>, else the one the installed tool's package carries
    /// (built at pack time, so the tool needs no npm); a missing one says how to build it.
    /// </summary>
    public static string BundleDirectory()
    {
        var dir = Environment.GetEnvironmentVariable(BundleVariable) ?? Paths.RepositoryLayout.PackagedElementsUiBundle;
        return dir is not null && File.Exists(Path.Combine(dir, "index.html"))
            ? dir
            : throw new InvalidOperationException(
                $"The Ory Elements reference UI is not bundled ({BundleVariable}={dir ?? "(unset)"} has no index.html): ./kc run and ./kc test bundle it into .kc/tools/elements-ui/; from plain dotnet test, set {BundleVariable} to that folder's out/.");
    }

    public static async Task<ElementsUi> StartAsync(Uri kratosPublicUrl, string bundleDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kratosPublicUrl);
        var index = await File.ReadAllTextAsync(Path.Combine(bundleDirectory, "index.html"), cancellationToken).ConfigureAwait(false);
        var config = "window.kcConfig = " + JsonSerializer.Serialize(new Dictionary<string, string> { ["kratos"] = kratosPublicUrl.AbsoluteUri }) + ";";
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async ctx =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (path == "/kc-config.js")
            {
                ctx.Response.ContentType = "text/javascript; charset=utf-8";
                await ctx.Response.WriteAsync(config, ctx.RequestAborted).ConfigureAwait(false);
            }
            else if (ContentTypes.TryGetValue(path, out var type))
            {
                ctx.Response.ContentType = type;
                await ctx.Response.SendFileAsync(Path.Combine(bundleDirectory, path.TrimStart('/')), ctx.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync(index, ctx.RequestAborted).ConfigureAwait(false);
            }
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ElementsUi(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
