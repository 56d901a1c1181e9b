using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>selfservice/strategy/password/login.go: identifier + password as the first factor (aal1).</summary>
internal static class PasswordStrategy
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session? session)
    {
        if (flow.RequestedAal != "aal1" || !rt.Config.PasswordEnabled)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        var identifier = (body["identifier"] ?? body["password_identifier"])?.Trim().ToLowerInvariant();
        var password = body["password"];
        if (identifier is null || password is null)
        {
            lock (rt.Store.Gate)
            {
                Ui.Nodes.ClearNodeMessages(flow.Nodes);
                Ui.Nodes.AddMessage(flow.Nodes, identifier is null ? "identifier" : "password", Messages.Required(identifier is null ? "identifier" : "password"));
                rt.Store.SaveFlow(flow);
            }

            await LoginSubmit.FailAsync(ctx, rt, flow, client, null).ConfigureAwait(false);
            return;
        }

        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentityByPasswordIdentifier(identifier);
        }

        if (identity is null || identity.Password != password || (flow.Refresh && session is not null && session.IdentityId != identity.Id))
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.InvalidCredentials()).ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        Session result;
        lock (rt.Store.Gate)
        {
            flow.State = "passed_challenge";
            flow.Active = "password";
            flow.UpdatedAt = now;
            if (flow.Refresh && session is not null)
            {
                result = session;
            }
            else
            {
                result = new Session
                {
                    Token = Secrets.SessionToken(),
                    CookieValue = Secrets.Opaque(),
                    IdentityId = identity.Id,
                    UserAgent = ctx.Request.Headers.UserAgent.ToString(),
                    IpAddress = ctx.Connection.RemoteIpAddress?.ToString(),
                };
            }

            result.Methods.Add(("password", "aal1", now));
            result.AuthenticatedAt = now;
            result.IssuedAt = now;
            result.ExpiresAt = now + rt.Config.SessionLifespan;
            rt.Store.SaveSession(result);
            rt.Store.SaveFlow(flow);
        }

        await LoginCompletion.RespondAsync(ctx, rt, flow, client, result, identity, "password").ConfigureAwait(false);
    }
}
