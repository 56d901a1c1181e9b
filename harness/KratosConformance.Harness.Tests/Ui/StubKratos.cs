using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KratosConformance.Harness.Tests.Ui;

/// <summary>
/// A Kratos public API that answers each path with what the test put in <see cref="Replies"/> and remembers the
/// Cookie header it was sent: enough to test the reference UI without a Kratos.
/// </summary>
internal sealed class StubKratos : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubKratos(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Path + query (e.g. "/sessions/whoami") → status and JSON body.</summary>
    public ConcurrentDictionary<string, (HttpStatusCode Status, string Json)> Replies { get; } = new();

    public ConcurrentQueue<(string PathAndQuery, string Cookie, string Accept)> Requests { get; } = new();

    public static async Task<StubKratos> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        StubKratos? stub = null;
        app.Run(async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            stub!.Requests.Enqueue((key, context.Request.Headers.Cookie.ToString(), context.Request.Headers.Accept.ToString()));
            var (status, json) = stub.Replies.TryGetValue(key, out var reply) ? reply : (HttpStatusCode.NotFound, "{\"error\":{\"id\":\"not_found\",\"code\":404}}");
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new StubKratos(app, new Uri(address + "/"));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
