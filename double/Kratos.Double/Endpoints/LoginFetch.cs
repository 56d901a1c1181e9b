using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>GET /self-service/login/flows?id= (handler.go getLoginFlow): CSRF for browser flows, 410 when expired.</summary>
internal static class LoginFetch
{
    public static Task HandleAsync(HttpContext ctx, Runtime rt)
    {
        var flow = Find(rt, ctx.Request.Query["id"].ToString());
        if (flow.IsBrowser && !rt.Has(DeviationNames.CsrfNotEnforced)
            && (!ctx.Request.Cookies.TryGetValue(rt.CsrfCookieName, out var cookie) || cookie != flow.CsrfToken))
        {
            throw CsrfRejection.Create(ctx.Request, rt, null);
        }

        if (flow.ExpiresAt < DateTimeOffset.UtcNow)
        {
            var details = flow.IsBrowser
                ? new JsonObject
                {
                    ["redirect_to"] = rt.Config.PublicUrl("self-service/login/browser" + (flow.ReturnTo is null ? string.Empty : "?return_to=" + Uri.EscapeDataString(flow.ReturnTo))),
                    ["return_to"] = flow.ReturnTo ?? string.Empty,
                }
                : new JsonObject { ["api"] = rt.Config.PublicUrl("self-service/login/api") };
            var error = FlowExpiredError.Create(flow.ExpiresAt, null, details);
            throw new KratosError("The requested resource is no longer available")
            {
                Code = 410, Status = "Gone", Id = error.Id, Details = details,
                Reason = "The login flow has expired. Redirect the user to the login flow init endpoint to initialize a new login flow.",
            };
        }

        return Respond.JsonAsync(ctx, 200, LoginCreate.Snapshot(rt, flow));
    }

    public static LoginFlow Find(Runtime rt, string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw KratosError.BadRequest("The flow query parameter is missing or malformed.");
        }

        lock (rt.Store.Gate)
        {
            if (Guid.TryParse(id, out var guid) && rt.Store.FindFlow(guid) is { } flow)
            {
                return flow;
            }
        }

        throw KratosError.NotFound("Unable to locate the resource");
    }
}
