using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>session/handler.go whoami (+ DoesSessionSatisfy, §4.1); the logout is in <see cref="LogoutEndpoints"/>.</summary>
internal static class SessionEndpoints
{
    public static Task WhoamiAsync(HttpContext ctx, Runtime rt)
    {
        var session = ctx.FindSession(rt) ?? throw KratosError.Unauthorized("No valid session credentials found in the request.");
        JsonObject body;
        lock (rt.Store.Gate)
        {
            var identity = rt.Store.FindIdentity(session.IdentityId) ?? throw KratosError.Unauthorized("No valid session credentials found in the request.");
            if (rt.Config.WhoamiRequiredAal == "highest_available" && session.Aal == "aal1"
                && Aal.Available(identity, rt) == "aal2" && !rt.Has(DeviationNames.WhoamiIgnoresRequiredAal))
            {
                throw KratosError.Aal2Required(rt.Config.PublicUrl("self-service/login/browser?aal=aal2"));
            }

            body = session.ToJson(identity.ToJson(false, rt.Config.PublicBaseUrl));
        }

        ctx.Response.Headers["X-Kratos-Authenticated-Identity-Id"] = session.IdentityId.ToString();
        return Respond.JsonAsync(ctx, 200, body);
    }
}
