using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>code/strategy_recovery.go recoveryIssueSession (identical in effect at v1.3.1, v25.4.0 and v26.2.0).</summary>
internal static class RecoveryCompletion
{
    public static async Task IssueSessionAsync(HttpContext ctx, Runtime rt, RecoveryFlow flow, Client client, Identity identity, string address)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new Session
        {
            Token = Secrets.SessionToken(), CookieValue = Secrets.Opaque(), IdentityId = identity.Id,
            UserAgent = ctx.Request.Headers.UserAgent.ToString(), IpAddress = ctx.Connection.RemoteIpAddress?.ToString(),
            AuthenticatedAt = now, IssuedAt = now, ExpiresAt = now + rt.Config.SessionLifespan,
        };
        session.Methods.Add((rt.Has(DeviationNames.RecoveryAmrLinkMethod) ? "link_recovery" : "code_recovery", "aal1", now));
        if (rt.Has(DeviationNames.RecoverySessionAal2))
        {
            session.Methods.Add(("code_recovery", "aal2", now));
        }

        if (flow.IsBrowser)
        {
            // code/strategy_recovery.go recoveryIssueSession: a browser recovery regenerates the anti-CSRF token first;
            // the settings flow created below carries the new one.
            flow.CsrfToken = ctx.RegenerateCsrfToken(rt);
        }

        lock (rt.Store.Gate)
        {
            flow.Messages = [];
            flow.State = "passed_challenge";
            flow.UpdatedAt = now;
            rt.Store.SaveRecoveryFlow(flow);
            foreach (var a in identity.VerifiableAddresses.Where(a => a.Value == address && !a.Verified))
            {
                a.Verified = true;
                a.Status = "completed";
                a.VerifiedAt = now;
                a.UpdatedAt = now;
            }

            rt.Store.SaveIdentity(identity);
            rt.Store.SaveSession(session);
        }

        if (flow.IsBrowser)
        {
            ctx.SetSessionCookie(rt, session);
        }

        // The settings flow takes over the recovery flow's return_to into its request_url (redir.TakeOverReturnToParameter),
        // from which settings/flow.go SetReturnTo reads its return_to.
        var returnTo = rt.Has(DeviationNames.RecoveryReturnToDropped) ? null : flow.ReturnTo;
        var settings = SettingsCreate.New(ctx, rt, identity, flow.Type, returnTo);
        lock (rt.Store.Gate)
        {
            if (returnTo is not null)
            {
                settings.RequestUrl = Respond.WithQuery(settings.RequestUrl, "return_to", returnTo);
            }

            settings.Messages = rt.Has(DeviationNames.RecoveryMissing1060001) ? [] : new JsonArray(RecoveryMessages.Successful(DateTimeOffset.UtcNow + (rt.Has(DeviationNames.RecoveryWindowSessionLifespan) ? rt.Config.SessionLifespan : rt.Config.PrivilegedSessionMaxAge)));
            rt.Store.SaveSettingsFlow(settings);
        }

        var settingsUrl = SettingsResponses.UiUrl(rt, settings);
        if (client == Client.Browser)
        {
            await Respond.RedirectAsync(ctx, settingsUrl).ConfigureAwait(false);
            return;
        }

        if (!rt.Config.UseContinueWithTransitions && !rt.Has(DeviationNames.RecoveryTransitionsAlwaysOn))
        {
            await Respond.JsonAsync(ctx, 422, KratosError.BrowserLocationChangeRequired(settingsUrl).ToJson()).ConfigureAwait(false);
            return;
        }

        var continueWith = new JsonArray();
        if (!flow.IsBrowser)
        {
            continueWith.Add((JsonNode)new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = session.Token });
        }

        continueWith.Add((JsonNode)new JsonObject
        {
            ["action"] = "show_settings_ui",
            ["flow"] = new JsonObject { ["id"] = settings.Id.ToString(), ["url"] = settingsUrl },
        });
        await Respond.JsonAsync(ctx, 200, flow.ToJson(rt.Config.PublicBaseUrl, continueWith)).ConfigureAwait(false);
    }
}
