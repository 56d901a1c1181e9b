using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;

namespace Kratos.Double.Endpoints;

/// <summary>
/// settings/hook.go PostSettingsHook: the identity is saved, the flow turns state success with 1050001, its UI and
/// internal context are replaced by a fresh flow's (new TOTP secret), then API 200 + flow, SPA 200 + flow +
/// continue_with redirect_browser_to, browser 303, each to return_to, else after.&lt;method&gt; / after, else the settings
/// UI with this flow.
/// </summary>
internal static class SettingsSuccess
{
    public static async Task CompleteAsync(SettingsUpdate u, string method, Identity identity)
    {
        var rt = u.Rt;
        var flow = u.Flow;
        lock (rt.Store.Gate)
        {
            identity.UpdatedAt = DateTimeOffset.UtcNow;
            rt.Store.SaveIdentity(identity);
            flow.State = "success";
            SettingsForms.Populate(rt, identity, flow);
            flow.Messages = new JsonArray(FactorMessages.SettingsSaved());
            flow.UpdatedAt = DateTimeOffset.UtcNow;
            rt.Store.SaveSettingsFlow(flow);
        }

        var returnTo = flow.ReturnTo ?? rt.Config.SettingsReturnUrlAfter(method) ?? SettingsResponses.UiUrl(rt, flow);
        switch (u.Client)
        {
            case Client.Api:
                await Respond.JsonAsync(u.Ctx, 200, SettingsResponses.Snapshot(rt, flow)).ConfigureAwait(false);
                break;
            case Client.Spa:
                u.Ctx.SetSessionCookie(rt, u.Session);
                await Respond.JsonAsync(u.Ctx, 200, SettingsResponses.Snapshot(rt, flow, new JsonArray(new JsonObject
                {
                    ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnTo,
                }))).ConfigureAwait(false);
                break;
            default:
                u.Ctx.SetSessionCookie(rt, u.Session);
                await Respond.RedirectAsync(u.Ctx, returnTo).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>session/manager_http.go SessionAddAuthenticationMethods: an AMR entry, authenticated_at untouched.</summary>
    public static void AddAmr(Runtime rt, Session session, string method)
    {
        lock (rt.Store.Gate)
        {
            session.Methods.Add((method, "aal2", DateTimeOffset.UtcNow));
            rt.Store.SaveSession(session);
        }
    }
}
