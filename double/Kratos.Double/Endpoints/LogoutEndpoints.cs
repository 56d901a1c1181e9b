using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/flow/logout/handler.go: the browser logout URL, the logout itself, the native logout. Not in the
/// mutation scope: no conformance suite logs out (README, "Mutation testing").
/// </summary>
internal static class LogoutEndpoints
{
    public static Task LogoutBrowserAsync(HttpContext ctx, Runtime rt)
    {
        var session = ctx.FindSession(rt) ?? throw KratosError.Unauthorized("No active session was found in this request.", "session_inactive");
        var token = Secrets.Opaque();
        lock (rt.Store.Gate)
        {
            rt.Store.AddLogoutToken(token, session.Id);
        }

        var returnTo = ReturnTo.Validate(rt, ctx.Request.Query["return_to"].ToString());
        var url = rt.Config.PublicUrl("self-service/logout?token=" + token);
        if (returnTo is not null)
        {
            url = Respond.WithQuery(url, "return_to", returnTo);
        }

        return Respond.JsonAsync(ctx, 200, new JsonObject { ["logout_url"] = url, ["logout_token"] = token });
    }

    public static Task LogoutAsync(HttpContext ctx, Runtime rt)
    {
        var token = ctx.Request.Query["token"].ToString();
        lock (rt.Store.Gate)
        {
            var sessionId = rt.Store.TakeLogoutToken(token)
                ?? throw KratosError.Unauthorized("No active session was found in this request.", "session_inactive");
            Revoke(rt, sessionId);
        }

        ctx.Response.Cookies.Delete(rt.Config.SessionCookieName, RequestExtensions.CookieOptions(rt, null));
        // selfservice/flow/logout/handler.go completeLogout: the anti-CSRF token is regenerated.
        ctx.RegenerateCsrfToken(rt);
        if (ctx.Request.IsJson())
        {
            return Respond.NoContentAsync(ctx);
        }

        var returnTo = ReturnTo.Validate(rt, ctx.Request.Query["return_to"].ToString());
        return Respond.RedirectAsync(ctx, returnTo ?? rt.Config.LogoutAfterReturnUrl ?? rt.Config.DefaultBrowserReturnUrl);
    }

    public static async Task LogoutApiAsync(HttpContext ctx, Runtime rt)
    {
        var body = await SubmissionBody.ReadAsync(ctx.Request, new HashSet<string>(StringComparer.Ordinal) { "session_token" }).ConfigureAwait(false);
        var token = body["session_token"] ?? throw KratosError.BadRequest("The session_token is missing.");
        lock (rt.Store.Gate)
        {
            var session = rt.Store.FindSessionByToken(token) ?? throw KratosError.Forbidden("The provided session token could not be found.");
            Revoke(rt, session.Id);
        }

        await Respond.NoContentAsync(ctx).ConfigureAwait(false);
    }

    private static void Revoke(Runtime rt, Guid sessionId)
    {
        if (rt.Store.FindSession(sessionId) is { } session)
        {
            session.Active = false;
            rt.Store.SaveSession(session);
        }
    }
}
