using System.Text.Json.Nodes;
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

        var submitted = body["identifier"] ?? body["password_identifier"];
        var password = body["password"];
        if (submitted is null || password is null)
        {
            // The login schema requires both (.schema/login.schema.json); each missing one is 4000002 on its node.
            List<(string Node, JsonObject Message)> missing = [];
            if (submitted is null)
            {
                missing.Add(("identifier", Messages.Required("identifier")));
            }

            if (password is null)
            {
                missing.Add(("password", Messages.Required("password")));
            }

            await FailAsync(ctx, rt, flow, client, submitted, null, missing).ConfigureAwait(false);
            return;
        }

        var identifier = submitted.Trim().ToLowerInvariant();
        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentityByPasswordIdentifier(identifier);
        }

        if (identity is null || identity.Password != password)
        {
            await FailAsync(ctx, rt, flow, client, submitted, Messages.InvalidCredentials(), []).ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        Session result;
        lock (rt.Store.Gate)
        {
            // password/login.go Login: only Active is set and the flow saved; the state stays choose_method (only the
            // code strategy moves it, docs/kratos-facts.md "What a password login leaves on its flow").
            flow.Active = "password";
            flow.UpdatedAt = now;
            // selfservice/flow/login/handler.go: a refresh keeps the session; re-authenticating as another identity
            // gets a completely fresh one.
            if (flow.Refresh && session is not null && session.IdentityId == identity.Id)
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
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveFlow(flow);
        }

        await LoginCompletion.RespondAsync(ctx, rt, flow, client, result, identity, "password").ConfigureAwait(false);
    }

    /// <summary>
    /// password/login.go <c>handleLoginError</c>, then login/error.go <c>WriteFlowError</c>: the identifier input keeps
    /// what was submitted, every earlier message (flow and nodes) is cleared, and the new ones are written. (Kratos also
    /// resets the password input's value; the double never puts the password there.)
    /// </summary>
    private static Task FailAsync(
        HttpContext ctx, Runtime rt, LoginFlow flow, Client client, string? submitted,
        JsonObject? message, IReadOnlyList<(string Node, JsonObject Message)> onNodes)
    {
        lock (rt.Store.Gate)
        {
            Ui.Nodes.ClearNodeMessages(flow.Nodes);
            Ui.Nodes.SetValue(flow.Nodes, "identifier", submitted ?? string.Empty);
            foreach (var (node, text) in onNodes)
            {
                Ui.Nodes.AddMessage(flow.Nodes, node, text);
            }
        }

        return LoginSubmit.FailAsync(ctx, rt, flow, client, message);
    }
}
