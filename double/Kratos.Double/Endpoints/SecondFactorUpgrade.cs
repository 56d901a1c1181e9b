using Kratos.Double.Http;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// §2.4: a successful TOTP or lookup login appends its AMR entry to the existing session (same id and token),
/// refreshes authenticated_at, issued_at and expires_at; the flow's active method is set and its state stays
/// choose_method (only the code strategy moves state).
/// </summary>
internal static class SecondFactorUpgrade
{
    public static void Apply(Runtime rt, LoginFlow flow, Session session, string method)
    {
        var now = DateTimeOffset.UtcNow;
        lock (rt.Store.Gate)
        {
            flow.Active = method;
            flow.Messages = [];
            flow.UpdatedAt = now;
            session.Methods.Add((method, "aal2", now));
            session.AuthenticatedAt = now;
            session.IssuedAt = now;
            session.ExpiresAt = now + rt.Config.SessionLifespan;
            rt.Store.SaveSession(session);
            rt.Store.SaveFlow(flow);
        }
    }
}
