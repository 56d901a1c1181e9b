using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The harness's reference self-service login UI: what selfservice.flows.login.ui_url, flows.error.ui_url and
/// default_browser_return_url point at when the harness configures Kratos, so browser tests exercise real redirects,
/// cookies, CSRF and form posts. It lives in the harness, not in the double, so every target gets the same UI.
/// Pages: <see cref="LoginUrl"/> (renders any login flow from ui.nodes), <see cref="SettingsUrl"/> (any settings flow),
/// <see cref="ErrorUrl"/>, <see cref="HomeUrl"/>.
/// </summary>
public sealed class ReferenceUi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly KratosBackend _kratos;

    private ReferenceUi(WebApplication app, KratosBackend kratos, Uri baseUrl)
    {
        _app = app;
        _kratos = kratos;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/, or that port under <see cref="ReferenceUiOptions.BrowserHost"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>/login: with ?flow= renders the flow; without it starts one at Kratos (aal, refresh, return_to passed on).</summary>
    public Uri LoginUrl => new(BaseUrl, "login");

    /// <summary>
    /// /settings?flow=: renders a settings flow from ui.nodes (selfservice.flows.settings.ui_url); without ?flow= it
    /// starts one at Kratos. The browser suite enrols TOTP and backup codes here; the HTTP suites read the same flow
    /// from Kratos's API.
    /// </summary>
    public Uri SettingsUrl => new(BaseUrl, "settings");

    /// <summary>/error?id=: the self-service error Kratos stored.</summary>
    public Uri ErrorUrl => new(BaseUrl, "error");

    /// <summary>/: "signed in" or not, with the whoami JSON fetched with the browser's cookies.</summary>
    public Uri HomeUrl => BaseUrl;

    public static async Task<ReferenceUi> StartAsync(ReferenceUiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kratosForBrowser = WithSlash(options.KratosPublicUrl);
        var kratos = new KratosBackend(WithSlash(options.KratosPublicUrlForServer ?? options.KratosPublicUrl), options.Patience);

        // The empty builder reads no appsettings, ASPNETCORE_* variables or logging config: the UI behaves the same
        // on every machine and cannot be moved off loopback by the environment.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var pages = new ReferenceUiPages(kratos, kratosForBrowser);
        app.Run(pages.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            kratos.Dispose();
            throw new InvalidOperationException(
                $"The reference UI could not listen on 127.0.0.1:{options.Port}: {e.Message} Pass Port = 0 for a free port, or free that port.", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var listening = WithSlash(new Uri(address));
        return new ReferenceUi(app, kratos, options.BrowserHost is { } host ? new UriBuilder(listening) { Host = host }.Uri : listening);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _kratos.Dispose();
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
