using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/flow/settings/handler.go: createBrowserSettingsFlow, createNativeSettingsFlow and getSettingsFlow. Each
/// needs a session (browser without one: 303 to the login flow, taking over return_to; JSON: 401 session_inactive) and
/// a session that satisfies selfservice.flows.settings.required_aal (§7.2).
/// </summary>
internal static class SettingsCreate
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, bool api)
    {
        var json = api || ctx.Request.IsJson();
        var session = ctx.FindSession(rt);
        if (session is null)
        {
            if (json)
            {
                throw SettingsResponses.NoActiveSession();
            }

            var login = rt.Config.PublicUrl("self-service/login/browser");
            var requested = ctx.Request.Query["return_to"].ToString();
            await Respond.RedirectAsync(ctx, requested.Length > 0 ? Respond.WithQuery(login, "return_to", requested) : login).ConfigureAwait(false);
            return;
        }

        Identity identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId) ?? throw SettingsResponses.NoActiveSession();
        }

        if (!Aal.SatisfiesSettings(session, identity, rt) && !rt.Has(DeviationNames.SettingsAal1Allowed))
        {
            // Browser init: return_to is the whole init URL, only when the init request carried one (WithRequestURL).
            var returnTo = !api && ctx.Request.Query["return_to"].ToString().Length > 0 ? ctx.Request.FullUrl(rt) : null;
            await SettingsResponses.Aal2RequiredAsync(ctx, rt, json, returnTo).ConfigureAwait(false);
            return;
        }

        var returnToParam = ReturnTo.Validate(rt, ctx.Request.Query["return_to"].ToString());
        var flow = New(ctx, rt, identity, api ? "api" : "browser", returnToParam);
        if (!api)
        {
            ctx.SetCsrfCookie(rt, flow.CsrfToken!);
        }

        if (!api && !ctx.Request.IsJson())
        {
            await Respond.RedirectAsync(ctx, SettingsResponses.UiUrl(rt, flow)).ConfigureAwait(false);
            return;
        }

        await Respond.JsonAsync(ctx, 200, SettingsResponses.Snapshot(rt, flow)).ConfigureAwait(false);
    }

    /// <summary>settings/flow.go NewFlow + handler.go NewFlow: populated, sorted and stored.</summary>
    public static SettingsFlow New(HttpContext ctx, Runtime rt, Identity identity, string type, string? returnTo)
    {
        var now = DateTimeOffset.UtcNow;
        string? csrf = null;
        if (type == "browser")
        {
            csrf = ctx.CsrfToken(rt) ?? Secrets.Opaque();
        }

        var flow = new SettingsFlow
        {
            Type = type, IdentityId = identity.Id, IssuedAt = now, UpdatedAt = now, ExpiresAt = now + rt.Config.SettingsLifespan,
            RequestUrl = ctx.Request.FullUrl(rt), ReturnTo = returnTo, CsrfToken = csrf,
        };
        SettingsForms.Populate(rt, identity, flow);
        lock (rt.Store.Gate)
        {
            rt.Store.SaveSettingsFlow(flow);
        }

        return flow;
    }

    public static async Task FetchAsync(HttpContext ctx, Runtime rt)
    {
        var id = ctx.Request.Query["id"].ToString();
        var flow = Find(rt, id) ?? throw KratosError.NoRows();
        var session = ctx.FindSession(rt);
        if (session is null)
        {
            await SettingsResponses.UnauthenticatedAsync(ctx, rt).ConfigureAwait(false);
            return;
        }

        Identity identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId) ?? throw SettingsResponses.NoActiveSession();
        }

        if (flow.IdentityId != session.IdentityId)
        {
            throw KratosError.Forbidden("The request was made for another identity and has been blocked for security reasons.", "security_identity_mismatch");
        }

        if (!Aal.SatisfiesSettings(session, identity, rt) && !rt.Has(DeviationNames.SettingsAal1Allowed))
        {
            await SettingsResponses.Aal2RequiredAsync(ctx, rt, json: true, SettingsResponses.UiUrl(rt, flow)).ConfigureAwait(false);
            return;
        }

        if (flow.ExpiresAt < DateTimeOffset.UtcNow)
        {
            var details = flow.IsBrowser
                ? new JsonObject
                {
                    ["redirect_to"] = rt.Config.PublicUrl("self-service/settings/browser" + (flow.ReturnTo is null ? string.Empty : "?return_to=" + Uri.EscapeDataString(flow.ReturnTo))),
                    ["return_to"] = flow.ReturnTo ?? string.Empty,
                }
                : new JsonObject { ["api"] = rt.Config.PublicUrl("self-service/settings/api") };
            throw new KratosError("The requested resource is no longer available")
            {
                Code = 410, Status = "Gone", Id = "self_service_flow_expired", Details = details,
                Reason = flow.IsBrowser
                    ? "The settings flow has expired. Redirect the user to the settings flow init endpoint to initialize a new settings flow."
                    : "The settings flow has expired. Call the settings flow init API endpoint to initialize a new settings flow.",
            };
        }

        await Respond.JsonAsync(ctx, 200, SettingsResponses.Snapshot(rt, flow)).ConfigureAwait(false);
    }

    public static SettingsFlow? Find(Runtime rt, string id)
    {
        if (string.IsNullOrEmpty(id) || !Guid.TryParse(id, out var guid))
        {
            throw KratosError.BadRequest("The flow query parameter is missing or malformed.");
        }

        lock (rt.Store.Gate)
        {
            return rt.Store.FindSettingsFlow(guid);
        }
    }
}
