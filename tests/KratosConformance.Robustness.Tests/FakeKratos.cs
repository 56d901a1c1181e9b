using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// A tiny server on 127.0.0.1 (port 0) posing as Kratos, for what a real one never does: answer garbage, or report a
/// version this suite knows nothing of. Paths it does not know answer 404, as Kratos's router does.
/// </summary>
internal sealed class FakeKratos : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKratos(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Both the "public" and the "admin" URL: one server answers both kinds of path.</summary>
    public Uri Url { get; }

    /// <summary>Answers every request with 200 and a body that is not JSON.</summary>
    public static Task<FakeKratos> GarbageAsync() => StartAsync(_ => (200, "{\"id\": \"x\", \"ui\": {not json"));

    /// <summary>Answers like Kratos's public and admin APIs (a login flow, an empty identities list, no courier messages), reporting <paramref name="version"/>.</summary>
    public static Task<FakeKratos> VersionAsync(string version) => StartAsync(path => path switch
    {
        "/self-service/login/api" => (200, """{"id":"00000000-0000-4000-8000-000000000000","type":"api","state":"choose_method","ui":{"action":"x","method":"POST","nodes":[]}}"""),
        "/admin/identities" => (200, "[]"),
        "/admin/courier/messages" => (200, "[]"),
        "/admin/version" => (200, $$"""{"version":"{{version}}"}"""),
        "/admin/health/ready" or "/admin/health/alive" => (200, """{"status":"ok"}"""),
        _ => (404, """{"error":{"code":404,"status":"Not Found","message":"The requested resource could not be found"}}"""),
    });

    private static async Task<FakeKratos> StartAsync(Func<string, (int Status, string Body)> answer)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            var (status, body) = answer(context.Request.Path.Value ?? "/");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeKratos(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
