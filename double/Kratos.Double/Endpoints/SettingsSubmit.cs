using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// POST (and GET) /self-service/settings?flow= (handler.go updateSettingsFlow): session, required_aal with the submit URL
/// as return_to, the flow's identity, then the first responsible strategy in registry order (profile, password, totp,
/// lookup_secret, webauthn); none → 4010004. A GET carrying the continuity cookie of a paused browser submission replays it
/// (PrepareUpdate → ErrContinuePreviousAction) once the session is fresh again.
/// </summary>
internal static class SettingsSubmit
{
    private static readonly string[] Fields =
    [
        "method", "csrf_token", "flow", "transient_payload", "password", "traits", "totp_code", "totp_unlink",
        "lookup_secret_regenerate", "lookup_secret_confirm", "lookup_secret_reveal", "lookup_secret_disable",
        "webauthn_register", "webauthn_register_displayname", "webauthn_remove",
    ];

    public static async Task HandleAsync(HttpContext ctx, Runtime rt)
    {
        var flow = SettingsCreate.Find(rt, ctx.Request.Query["flow"].ToString())
            ?? throw KratosError.NotFound("The settings request could not be found. Please restart the flow.");
        var client = flow.Type == "api" ? Client.Api : ctx.Request.IsJson() ? Client.Spa : Client.Browser;
        if (client == Client.Browser)
        {
            ctx.Items[ErrorResponder.BrowserItem] = true;
        }

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

        if (!Aal.SatisfiesSettings(session, identity, rt) && !rt.Has(DeviationNames.SettingsAal1Allowed))
        {
            await SettingsResponses.Aal2RequiredAsync(ctx, rt, client != Client.Browser, ctx.Request.FullUrl(rt)).ConfigureAwait(false);
            return;
        }

        if (flow.IdentityId != session.IdentityId)
        {
            throw KratosError.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");
        }

        if (flow.ExpiresAt < DateTimeOffset.UtcNow)
        {
            throw KratosError.BadRequest("The settings flow has expired. Please start a new one.", "self_service_flow_expired");
        }

        var allowed = new HashSet<string>(Fields.Concat(rt.Config.Schema.Traits.Select(t => "traits." + t.Name)), StringComparer.Ordinal);
        var (body, payload) = await ReadAsync(ctx, rt, flow, session, allowed).ConfigureAwait(false);
        var update = new SettingsUpdate(ctx, rt, flow, client, session, identity, body, payload);
        var handled =
            await AccountSettings.TryProfileAsync(update).ConfigureAwait(false)
            || await AccountSettings.TryPasswordAsync(update).ConfigureAwait(false)
            || await TotpSettings.TryAsync(update).ConfigureAwait(false)
            || await LookupSettings.TryAsync(update).ConfigureAwait(false)
            || await WebAuthnSettings.TryAsync(update).ConfigureAwait(false);
        if (!handled)
        {
            await SettingsResponses.FailAsync(ctx, rt, flow, client, FactorMessages.NoSettingsStrategy()).ConfigureAwait(false);
        }
    }

    /// <summary>The submitted body; for a GET with this flow's continuity cookie, the paused one (taken once).</summary>
    private static async Task<(SubmissionBody Body, JsonObject Payload)> ReadAsync(HttpContext ctx, Runtime rt, SettingsFlow flow, Session session, HashSet<string> allowed)
    {
        if (HttpMethods.IsGet(ctx.Request.Method))
        {
            var cookie = ctx.Request.Cookies[SettingsResponses.ContinuityCookie];
            JsonObject? paused = null;
            lock (rt.Store.Gate)
            {
                if (cookie is not null && flow.PausedToken == cookie && flow.PausedPayload is not null && flow.IdentityId == session.IdentityId)
                {
                    paused = flow.PausedPayload;
                    flow.PausedPayload = null;
                    flow.PausedToken = null;
                    rt.Store.SaveSettingsFlow(flow);
                }
            }

            if (paused is not null)
            {
                ctx.Response.Cookies.Delete(SettingsResponses.ContinuityCookie, RequestExtensions.CookieOptions(rt, null));
                return (SubmissionBody.From(paused), paused);
            }

            return (SubmissionBody.From([]), []);
        }

        var body = await SubmissionBody.ReadAsync(ctx.Request, allowed).ConfigureAwait(false);
        return (body, body.ToJson());
    }

    /// <summary>
    /// flow.EnsureCSRF for settings strategies: browser flows need the cookie and a matching token (SPA and form alike);
    /// API flows refuse browser artefacts. Returns false when an answer was written.
    /// </summary>
    public static async Task<bool> CsrfOkAsync(SettingsUpdate u)
    {
        if (u.Flow.IsBrowser)
        {
            if (u.Rt.Has(DeviationNames.CsrfNotEnforced))
            {
                return true;
            }

            var cookie = u.Ctx.Request.Cookies.TryGetValue(u.Rt.CsrfCookieName, out var c) ? c : null;
            if (cookie is not null && cookie == u.Body["csrf_token"] && cookie == u.Flow.CsrfToken)
            {
                return true;
            }

            throw CsrfRejection.Create(u.Ctx.Request, u.Rt, u.Body["csrf_token"]);
        }

        if (LoginSubmit.ApiHeaderProblem(u.Ctx.Request) is { } problem)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic(problem)).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>authenticated_at + privileged_session_max_age must lie ahead; else re-authentication (§7.3, §7.4).</summary>
    public static async Task<bool> PrivilegedAsync(SettingsUpdate u)
    {
        if (u.Session.AuthenticatedAt + u.Rt.Config.PrivilegedSessionMaxAge >= DateTimeOffset.UtcNow || u.Rt.Has(DeviationNames.PrivilegedWindowIgnored))
        {
            return true;
        }

        await SettingsResponses.ReauthAsync(u.Ctx, u.Rt, u.Flow, u.Client, u.Payload).ConfigureAwait(false);
        return false;
    }
}
