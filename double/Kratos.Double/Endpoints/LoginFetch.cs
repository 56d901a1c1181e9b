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
            // selfservice/flow/login/handler.go getLoginFlow: nosurfx.ErrGone with the id, a reason per flow type and
            // where to start anew (flow.GetFlowExpiredRedirectURL for browser flows, the API init URL for API flows).
            throw flow.IsBrowser
                ? Gone(
                    "The login flow has expired. Redirect the user to the login flow init endpoint to initialize a new login flow.",
                    new JsonObject
                    {
                        ["redirect_to"] = rt.Config.PublicUrl("self-service/login/browser" + (flow.ReturnTo is null ? string.Empty : "?return_to=" + Uri.EscapeDataString(flow.ReturnTo))),
                        ["return_to"] = flow.ReturnTo ?? string.Empty,
                    })
                : Gone(
                    "The login flow has expired. Call the login flow init API endpoint to initialize a new login flow.",
                    new JsonObject { ["api"] = rt.Config.PublicUrl("self-service/login/api") });
        }

        return Respond.JsonAsync(ctx, 200, LoginCreate.Snapshot(rt, flow));
    }

    private static KratosError Gone(string reason, JsonObject details) =>
        new(FlowExpiredError.GoneMessage) { Code = 410, Status = "Gone", Id = FlowExpiredError.Id, Reason = reason, Details = details };

    /// <summary>
    /// getLoginFlow's lookup: x.ParseUUID makes a missing or malformed id uuid.Nil, which is not found like an unknown
    /// one: 404 with ory/x sqlcon's ErrNoRows (its message, no reason; oryx/sqlcon/error.go).
    /// </summary>
    public static LoginFlow Find(Runtime rt, string id)
    {
        lock (rt.Store.Gate)
        {
            if (Guid.TryParse(id, out var guid) && rt.Store.FindFlow(guid) is { } flow)
            {
                return flow;
            }
        }

        throw KratosError.NoRows();
    }

    /// <summary>updateLoginFlow's flow.GetFlowID: a missing or malformed ?flow= is refused with 400 before any lookup.</summary>
    public static LoginFlow FindSubmitted(Runtime rt, string id) =>
        Guid.TryParse(id, out var guid) && guid != Guid.Empty
            ? Find(rt, id)
            : throw KratosError.BadRequest("The flow query parameter is missing or malformed.");
}
