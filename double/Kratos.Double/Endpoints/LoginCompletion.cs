using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/flow/login/hook.go PostLoginHook: issue the session, then checkAAL under session.whoami.required_aal
/// (§4.2): browser 303 to ?aal=aal2, SPA 422, API 200 with identity null.
/// </summary>
internal static class LoginCompletion
{
    public static async Task RespondAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, Session session, Identity identity, string method)
    {
        JsonObject sessionJson;
        bool needsAal2;
        lock (rt.Store.Gate)
        {
            needsAal2 = rt.Config.WhoamiRequiredAal == "highest_available" && session.Aal == "aal1" && Aal.Available(identity, rt) == "aal2";
            sessionJson = session.ToJson(needsAal2 ? null : identity.ToJson(false, rt.Config.PublicBaseUrl));
        }

        rt.Log.Info("Identity authenticated successfully and was issued an Ory Kratos Session Token.", ("identity_id", identity.Id), ("session_id", session.Id), ("aal", session.Aal));
        if (client != Client.Api)
        {
            // session/manager_http.go IssueCookie: a session for a new principal (none before, or another identity's)
            // regenerates the anti-CSRF token, so flows created before it no longer pass the CSRF check.
            var newPrincipal = ctx.FindSession(rt) is not { } before || before.IdentityId != session.IdentityId;
            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.CsrfKeptAtLogin))
            {
                newPrincipal = false;
            }

            if (newPrincipal)
            {
                ctx.RegenerateCsrfToken(rt);
            }

            ctx.SetSessionCookie(rt, session);
        }

        if (needsAal2 && client != Client.Api)
        {
            var redirect = rt.Config.PublicUrl("self-service/login/browser?aal=aal2");
            var returnTo = ReturnToFromRequestUrl(flow.RequestUrl);
            if (returnTo is not null)
            {
                redirect = Respond.WithQuery(redirect, "return_to", returnTo);
            }

            if (client == Client.Browser)
            {
                await Respond.RedirectAsync(ctx, redirect).ConfigureAwait(false);
                return;
            }

            // Written directly (not thrown) so the aal1 session cookie issued above survives.
            await Respond.JsonAsync(ctx, 422, KratosError.BrowserLocationChangeRequired(redirect).ToJson()).ConfigureAwait(false);
            return;
        }

        var returnUrl = flow.ReturnTo ?? rt.Config.ReturnUrlAfterLogin(method);
        switch (client)
        {
            case Client.Browser:
                await Respond.RedirectAsync(ctx, returnUrl).ConfigureAwait(false);
                break;
            case Client.Spa:
                await Respond.JsonAsync(ctx, 200, new JsonObject
                {
                    ["session"] = sessionJson,
                    ["continue_with"] = new JsonArray(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl }),
                }).ConfigureAwait(false);
                break;
            default:
                await Respond.JsonAsync(ctx, 200, new JsonObject
                {
                    ["session_token"] = session.Token,
                    ["session"] = sessionJson,
                    ["continue_with"] = null,
                }).ConfigureAwait(false);
                break;
        }
    }

    private static string? ReturnToFromRequestUrl(string requestUrl) =>
        Uri.TryCreate(requestUrl, UriKind.Absolute, out var uri)
            ? System.Web.HttpUtility.ParseQueryString(uri.Query)["return_to"]
            : null;
}
