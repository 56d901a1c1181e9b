using System.Diagnostics;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Endpoints;
using Kratos.Double.Http;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Hosting;

/// <summary>
/// Routes of the public (4433) and admin (4434) ports. Hand-rolled instead of minimal APIs so NativeAOT needs no
/// generated binders. Each request reads the runtime current when it arrives, so deviations can be switched between
/// runs. Admin paths without the /admin prefix are handled as each version does (see <see cref="AdminPrefix"/>).
/// </summary>
internal sealed class Router(Func<Runtime> current, bool admin)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        var rt = current();
        var started = Stopwatch.GetTimestamp();
        RequestLog.Started(rt, ctx);
        try
        {
            if (admin)
            {
                await AdminAsync(ctx, rt).ConfigureAwait(false);
            }
            else if (!Cors.Apply(ctx, rt.Config.Cors, !rt.Config.IsAtLeast(EmulatedVersion.V25_4_0)))
            {
                await PublicAsync(ctx, rt).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            await ErrorResponder.WriteAsync(ctx, rt, e).ConfigureAwait(false);
        }
        finally
        {
            RequestLog.Completed(rt, ctx, Stopwatch.GetElapsedTime(started));
        }
    }

    private static Task PublicAsync(HttpContext ctx, Runtime rt)
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
            case "/self-service/settings/browser":
                Expect(method, "GET");
                if (!ctx.Request.IsJson())
                {
                    ctx.Items[ErrorResponder.BrowserItem] = true;
                }

                return SettingsCreate.HandleAsync(ctx, rt, api: false);
            case "/self-service/settings/api":
                Expect(method, "GET");
                return SettingsCreate.HandleAsync(ctx, rt, api: true);
            case "/self-service/settings/flows":
                Expect(method, "GET");
                return SettingsCreate.FetchAsync(ctx, rt);
            case "/self-service/settings":
                Expect(method, "GET", "POST");
                return SettingsSubmit.HandleAsync(ctx, rt);
            case "/self-service/recovery/browser":
                Expect(method, "GET");
                if (!ctx.Request.IsJson())
                {
                    ctx.Items[ErrorResponder.BrowserItem] = true;
                }

                return RecoveryFlows.CreateAsync(ctx, rt, api: false);
            case "/self-service/recovery/api":
                Expect(method, "GET");
                return RecoveryFlows.CreateAsync(ctx, rt, api: true);
            case "/self-service/recovery/flows":
                Expect(method, "GET");
                return RecoveryFlows.FetchAsync(ctx, rt);
            case "/self-service/recovery":
                Expect(method, "GET", "POST");
                return RecoverySubmit.HandleAsync(ctx, rt);
            case "/sessions/whoami":
                Expect(method, "GET", "POST");
                return SessionEndpoints.WhoamiAsync(ctx, rt);
            case "/self-service/logout/browser":
                Expect(method, "GET");
                return LogoutEndpoints.LogoutBrowserAsync(ctx, rt);
            case "/self-service/logout":
                Expect(method, "GET");
                return LogoutEndpoints.LogoutAsync(ctx, rt);
            case "/self-service/logout/api":
                Expect(method, "DELETE");
                return LogoutEndpoints.LogoutApiAsync(ctx, rt);
            case "/self-service/errors":
                Expect(method, "GET");
                return ErrorResponder.GetStoredAsync(ctx, rt);
            case "/.well-known/ory/webauthn.js":
                Expect(method, "GET");
                return WebAuthnScriptAsync(ctx, rt);
            case "/health/alive" or "/health/ready":
                Expect(method, "GET");
                return HealthAsync(ctx, rt, path, shareErrors: false);
            default:
                throw KratosError.NotFound("The requested resource could not be found");
        }
    }

    private static async Task AdminAsync(HttpContext ctx, Runtime rt)
    {
        if (await AdminPrefix.ApplyAsync(ctx, rt.Config).ConfigureAwait(false) is not { } prefixed)
        {
            return;
        }

        await AdminRouteAsync(ctx, rt, prefixed).ConfigureAwait(false);
    }

    private static Task AdminRouteAsync(HttpContext ctx, Runtime rt, string prefixed)
    {
        var path = prefixed.TrimEnd('/');
        if (!path.StartsWith("/admin/", StringComparison.Ordinal))
        {
            throw KratosError.NotFound("The requested resource could not be found");
        }

        path = path["/admin".Length..];
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
            case ["health", "alive"] or ["health", "ready"]:
                Expect(method, "GET");
                return HealthAsync(ctx, rt, path, shareErrors: true);
            case ["version"]:
                Expect(method, "GET");
                return Respond.JsonAsync(ctx, 200, new JsonObject { ["version"] = rt.Config.Version });
            default:
                throw KratosError.NotFound("The requested resource could not be found");
        }
    }

    /// <summary>
    /// oryx/healthx: alive is always ok; ready also checks that no migration is pending (driver/registry_default.go
    /// HealthHandler). The admin port shares the reason, the public one obfuscates it.
    /// </summary>
    private static Task HealthAsync(HttpContext ctx, Runtime rt, string path, bool shareErrors)
    {
        if (path.EndsWith("/ready", StringComparison.Ordinal) && rt.PendingMigrations())
        {
            var reason = shareErrors ? "migrations have not yet been fully applied" : "error may contain sensitive information and was obfuscated";
            return Respond.JsonAsync(ctx, 503, new JsonObject { ["errors"] = new JsonObject { ["migrations"] = reason } });
        }

        return Respond.JsonAsync(ctx, 200, new JsonObject { ["status"] = "ok" });
    }

    private static void Expect(string method, params string[] allowed)
    {
        if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            throw KratosError.MethodNotAllowed();
        }
    }

    /// <summary>x/webauthnx/handler.go RegisterWebauthnRoute: the version's webauthn.js (factors spec §5.3).</summary>
    private static Task WebAuthnScriptAsync(HttpContext ctx, Runtime rt)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/javascript; charset=UTF-8";
        return ctx.Response.Body.WriteAsync(Ui.WebAuthnNodes.Script(rt.Config)).AsTask();
    }
}
