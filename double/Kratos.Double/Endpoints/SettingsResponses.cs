using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Ui;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/flow/settings/error.go WriteFlowError and the answers around it: a flow error goes onto the flow (all
/// messages reset first, as the strategies' handleSettingsError does), which is sorted and saved; the browser is sent
/// to the settings UI, JSON clients and API flows get 400 + flow. Re-authentication (FlowNeedsReAuth): the browser's
/// payload is paused and it is sent to a refresh login; JSON gets 403 session_refresh_required.
/// </summary>
internal static class SettingsResponses
{
    public const string ContinuityCookie = "ory_kratos_continuity";

    public static JsonObject Snapshot(Runtime rt, SettingsFlow flow, JsonArray? continueWith = null)
    {
        lock (rt.Store.Gate)
        {
            var identity = rt.Store.FindIdentity(flow.IdentityId);
            return flow.ToJson(rt.Config.PublicBaseUrl, identity?.ToJson(false, rt.Config.PublicBaseUrl) ?? [], continueWith);
        }
    }

    public static string UiUrl(Runtime rt, SettingsFlow flow) => Respond.WithQuery(rt.Config.SettingsUiUrl, "flow", flow.Id.ToString());

    /// <summary>Browser: 303 to the settings UI; otherwise the flow with <paramref name="jsonStatus"/>.</summary>
    public static Task FlowAsync(HttpContext ctx, Runtime rt, SettingsFlow flow, Client client, int jsonStatus, JsonArray? continueWith = null) =>
        client == Client.Browser
            ? Respond.RedirectAsync(ctx, UiUrl(rt, flow))
            : Respond.JsonAsync(ctx, jsonStatus, Snapshot(rt, flow, continueWith));

    /// <summary>A validation error: on <paramref name="nodeName"/> when given, else in ui.messages.</summary>
    public static Task FailAsync(HttpContext ctx, Runtime rt, SettingsFlow flow, Client client, JsonObject message, string? nodeName = null)
    {
        lock (rt.Store.Gate)
        {
            var nodes = flow.Nodes.Select(n => (JsonObject)n!.DeepClone()).ToList();
            foreach (var node in nodes)
            {
                ((JsonArray)node["messages"]!).Clear();
                if (nodeName is not null && FactorNodes.Id(node) == nodeName)
                {
                    ((JsonArray)node["messages"]!).Add((JsonNode)message.DeepClone());
                }
            }

            flow.Nodes = SettingsForms.Sort(rt, nodes);
            flow.Messages = nodeName is null ? new JsonArray((JsonNode)message.DeepClone()) : [];
            flow.UpdatedAt = DateTimeOffset.UtcNow;
            rt.Store.SaveSettingsFlow(flow);
        }

        return FlowAsync(ctx, rt, flow, client, 400);
    }

    /// <summary>
    /// error.go reauthenticate: redirect_browser_to = &lt;public&gt;/self-service/login/browser?refresh=true&amp;return_to=&lt;public&gt;&lt;path&gt;?&lt;query&gt;.
    /// A browser flow's payload is paused first (strategy handleSettingsError → ContinuityManager.Pause).
    /// </summary>
    public static Task ReauthAsync(HttpContext ctx, Runtime rt, SettingsFlow flow, Client client, JsonObject payload)
    {
        var returnTo = rt.Config.PublicUrl(ctx.Request.Path.Value!.TrimStart('/') + ctx.Request.QueryString.Value);
        var redirect = rt.Config.PublicUrl("self-service/login/browser?refresh=true&return_to=" + Uri.EscapeDataString(returnTo));
        if (flow.IsBrowser)
        {
            var token = Secrets.Opaque();
            lock (rt.Store.Gate)
            {
                flow.PausedToken = token;
                flow.PausedPayload = payload;
                flow.UpdatedAt = DateTimeOffset.UtcNow;
                rt.Store.SaveSettingsFlow(flow);
            }

            // ContinuityOptions: the container lives 15 minutes.
            ctx.Response.Cookies.Append(ContinuityCookie, token, RequestExtensions.CookieOptions(rt, DateTimeOffset.UtcNow.AddMinutes(15)));
        }

        if (client == Client.Browser)
        {
            return Respond.RedirectAsync(ctx, redirect);
        }

        return Respond.JsonAsync(ctx, 403, NeedsReauth(redirect).ToJson());
    }

    /// <summary>settings/error.go NewFlowNeedsReAuth with RedirectBrowserTo.</summary>
    public static KratosError NeedsReauth(string redirect) =>
        new("The requested action was forbidden")
        {
            Code = 403, Status = "Forbidden", Id = "session_refresh_required",
            Reason = "The login session is too old and thus not allowed to update these fields. Please re-authenticate.",
            TopLevel = new JsonObject { ["redirect_browser_to"] = redirect },
        };

    /// <summary>
    /// DoesSessionSatisfy failing: NewErrAALNotSatisfied with &lt;public&gt;/self-service/login/browser?aal=aal2[&amp;return_to=…];
    /// the browser (non-JSON, non-API) is redirected there, everyone else gets the 403.
    /// </summary>
    public static Task Aal2RequiredAsync(HttpContext ctx, Runtime rt, bool json, string? returnTo)
    {
        var redirect = rt.Config.PublicUrl("self-service/login/browser?aal=aal2");
        if (returnTo is not null)
        {
            redirect = Respond.WithQuery(redirect, "return_to", returnTo);
        }

        return json ? Respond.JsonAsync(ctx, 403, KratosError.Aal2Required(redirect).ToJson()) : Respond.RedirectAsync(ctx, redirect);
    }

    /// <summary>session/manager.go NewErrNoActiveSessionFound.</summary>
    public static KratosError NoActiveSession() =>
        new("request does not have a valid authentication session")
        {
            Code = 401, Status = "Unauthorized", Id = "session_inactive", Reason = "No active session was found in this request.",
        };

    /// <summary>settings/strategy_helper.go OnUnauthenticated: JSON 401, else 303 to the login UI.</summary>
    public static Task UnauthenticatedAsync(HttpContext ctx, Runtime rt) =>
        ctx.Request.IsJson()
            ? Respond.JsonAsync(ctx, 401, KratosError.Unauthorized("A valid Ory Session Cookie or Ory Session Token is missing.").ToJson())
            : Respond.RedirectAsync(ctx, rt.Config.LoginUiUrl);
}
