using System.Diagnostics;
using System.Text.Json.Nodes;
using Kratos.Double.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// Routes of the public (4433) and admin (4434) ports. Hand-rolled instead of minimal APIs so NativeAOT needs no
/// generated binders; the admin port also answers un-prefixed paths like Kratos.
/// </summary>
internal sealed class Router(Runtime rt, bool admin)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await (admin ? AdminAsync(ctx) : PublicAsync(ctx)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await ErrorResponder.WriteAsync(ctx, rt, e).ConfigureAwait(false);
        }
        finally
        {
            rt.Log.Info("completed handling request",
                ("http_request", $"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}"),
                ("http_response_status", ctx.Response.StatusCode),
                ("took", Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + "ms"),
                ("audience", admin ? "admin" : "public"));
        }
    }

    private Task PublicAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        var method = ctx.Request.Method;
        switch (path)
        {
            case "/self-service/login/browser":
                Expect(method, "GET");
                if (!ctx.Request.IsJson())
                {
                    ctx.Items[ErrorResponder.BrowserItem] = true;
                }

                return LoginCreate.HandleAsync(ctx, rt, api: false);
            case "/self-service/login/api":
                Expect(method, "GET");
                return LoginCreate.HandleAsync(ctx, rt, api: true);
            case "/self-service/login/flows":
                Expect(method, "GET");
                return LoginFetch.HandleAsync(ctx, rt);
            case "/self-service/login":
                Expect(method, "POST");
                return LoginSubmit.HandleAsync(ctx, rt);
            case "/sessions/whoami":
                Expect(method, "GET", "POST");
                return SessionEndpoints.WhoamiAsync(ctx, rt);
            case "/self-service/logout/browser":
                Expect(method, "GET");
                return SessionEndpoints.LogoutBrowserAsync(ctx, rt);
            case "/self-service/logout":
                Expect(method, "GET");
                return SessionEndpoints.LogoutAsync(ctx, rt);
            case "/self-service/logout/api":
                Expect(method, "DELETE");
                return SessionEndpoints.LogoutApiAsync(ctx, rt);
            case "/self-service/errors":
                Expect(method, "GET");
                return ErrorResponder.GetStoredAsync(ctx, rt);
            default:
                return CommonAsync(ctx, path, method);
        }
    }

    private Task AdminAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (path.StartsWith("/admin/", StringComparison.Ordinal))
        {
            path = path["/admin".Length..];
        }

        var method = ctx.Request.Method;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["identities"]:
                Expect(method, "GET", "POST");
                return method == "POST" ? AdminIdentities.CreateAsync(ctx, rt) : AdminIdentities.ListAsync(ctx, rt);
            case ["identities", var id]:
                Expect(method, "GET", "DELETE");
                return method == "GET" ? AdminIdentities.GetAsync(ctx, rt, id) : AdminIdentities.DeleteAsync(ctx, rt, id);
            case ["courier", "messages"]:
                Expect(method, "GET");
                return AdminCourier.ListAsync(ctx, rt);
            case ["courier", "messages", var id]:
                Expect(method, "GET");
                return AdminCourier.GetAsync(ctx, rt, id);
            case ["self-service", "errors"]:
                Expect(method, "GET");
                return ErrorResponder.GetStoredAsync(ctx, rt);
            default:
                return CommonAsync(ctx, path, method);
        }
    }

    private Task CommonAsync(HttpContext ctx, string path, string method)
    {
        switch (path)
        {
            case "/health/alive" or "/health/ready":
                Expect(method, "GET");
                return Respond.JsonAsync(ctx, 200, new JsonObject { ["status"] = "ok" });
            case "/version":
                Expect(method, "GET");
                return Respond.JsonAsync(ctx, 200, new JsonObject { ["version"] = rt.Config.Version });
            default:
                throw KratosError.NotFound("The requested resource could not be found");
        }
    }

    private static void Expect(string method, params string[] allowed)
    {
        if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            throw KratosError.MethodNotAllowed();
        }
    }
}
