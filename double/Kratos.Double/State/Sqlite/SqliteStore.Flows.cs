using System.Text.Json.Nodes;
using Kratos.Double.Model;

namespace Kratos.Double.State.Sqlite;

/// <summary>Sessions, login flows and login codes.</summary>
internal sealed partial class SqliteStore
{
    private const string SessionColumns =
        "id, identity_id, token, cookie_value, active, aal_override, authentication_methods, authenticated_at, issued_at, expires_at, device_id, user_agent, ip_address";

    public void SaveSession(Session session)
    {
        var amr = new JsonArray(session.Methods.Select(m => (JsonNode)new JsonObject
        {
            ["method"] = m.Method, ["aal"] = m.Aal, ["completed_at"] = Row.Time(m.CompletedAt),
        }).ToArray());
        Exec(null, $"""
            INSERT OR REPLACE INTO sessions ({SessionColumns})
            VALUES ($id, $identity, $token, $cookie, $active, $aal, $amr, $authenticated, $issued, $expires, $device, $ua, $ip)
            """,
            ("$id", session.Id), ("$identity", session.IdentityId), ("$token", session.Token), ("$cookie", session.CookieValue),
            ("$active", session.Active), ("$aal", session.AalOverride), ("$amr", amr.ToJsonString()),
            ("$authenticated", Row.Time(session.AuthenticatedAt)), ("$issued", Row.Time(session.IssuedAt)), ("$expires", Row.Time(session.ExpiresAt)),
            ("$device", session.DeviceId), ("$ua", session.UserAgent), ("$ip", session.IpAddress));
    }

    public void DeleteSession(Guid id) => Exec(null, "DELETE FROM sessions WHERE id = $id", ("$id", id));

    public Session? FindSession(Guid id) => ReadSessions("WHERE id = $id", ("$id", id)).FirstOrDefault();

    public Session? FindSessionByToken(string token) =>
        ReadSessions("WHERE token = $value AND active = 1", ("$value", token)).FirstOrDefault(s => s.ExpiresAt > DateTimeOffset.UtcNow);

    public Session? FindSessionByCookie(string value) =>
        ReadSessions("WHERE cookie_value = $value AND active = 1", ("$value", value)).FirstOrDefault(s => s.ExpiresAt > DateTimeOffset.UtcNow);

    public void DeactivateSessionsOf(Guid identityId) =>
        Exec(null, "UPDATE sessions SET active = 0 WHERE identity_id = $id", ("$id", identityId));

    private List<Session> ReadSessions(string where, params (string Name, object? Value)[] parameters) =>
        Query($"SELECT {SessionColumns} FROM sessions {where} ORDER BY rowid", r =>
        {
            var session = new Session
            {
                Id = r.GetGuid(0), IdentityId = r.GetGuid(1), Token = r.GetString(2), CookieValue = r.GetString(3), Active = r.GetBoolean(4),
                AalOverride = r.IsDBNull(5) ? null : r.GetString(5), AuthenticatedAt = Row.Time(r, 7), IssuedAt = Row.Time(r, 8),
                ExpiresAt = Row.Time(r, 9), DeviceId = r.GetGuid(10), UserAgent = r.IsDBNull(11) ? null : r.GetString(11),
                IpAddress = r.IsDBNull(12) ? null : r.GetString(12),
            };
            foreach (var m in JsonNode.Parse(r.GetString(6))!.AsArray())
            {
                session.Methods.Add((m!["method"]!.GetValue<string>(), m["aal"]!.GetValue<string>(), Row.Time(m["completed_at"]!.GetValue<string>())));
            }

            return session;
        }, parameters);

    public void SaveFlow(LoginFlow flow) =>
        Exec(null, """
            INSERT OR REPLACE INTO selfservice_login_flows (id, type, request_url, return_to, active_method, refresh, requested_aal, state, ui,
              submit_count, sent_address, csrf_token, issued_at, expires_at, updated_at)
            VALUES ($id, $type, $url, $return_to, $active, $refresh, $aal, $state, $ui, $count, $sent, $csrf, $issued, $expires, $updated)
            """,
            ("$id", flow.Id), ("$type", flow.Type), ("$url", flow.RequestUrl), ("$return_to", flow.ReturnTo), ("$active", flow.Active),
            ("$refresh", flow.Refresh), ("$aal", flow.RequestedAal), ("$state", flow.State),
            ("$ui", new JsonObject { ["nodes"] = flow.Nodes.DeepClone(), ["messages"] = flow.Messages.DeepClone(), ["internal_context"] = flow.InternalContext.DeepClone() }.ToJsonString()),
            ("$count", flow.SubmitCount), ("$sent", flow.SentAddress), ("$csrf", flow.CsrfToken), ("$issued", Row.Time(flow.IssuedAt)),
            ("$expires", Row.Time(flow.ExpiresAt)), ("$updated", Row.Time(flow.UpdatedAt)));

    public LoginFlow? FindFlow(Guid id) =>
        Query("""
            SELECT id, type, request_url, return_to, active_method, refresh, requested_aal, state, ui, submit_count, sent_address, csrf_token,
              issued_at, expires_at, updated_at FROM selfservice_login_flows WHERE id = $id
            """, r =>
        {
            var ui = JsonNode.Parse(r.GetString(8))!.AsObject();
            return new LoginFlow
            {
                Id = r.GetGuid(0), Type = r.GetString(1), RequestUrl = r.GetString(2), ReturnTo = r.IsDBNull(3) ? null : r.GetString(3),
                Active = r.IsDBNull(4) ? null : r.GetString(4), Refresh = r.GetBoolean(5), RequestedAal = r.GetString(6), State = r.GetString(7),
                Nodes = ui["nodes"]!.AsArray(), Messages = ui["messages"]!.AsArray(), InternalContext = ui["internal_context"] as JsonObject ?? [], SubmitCount = r.GetInt32(9),
                SentAddress = r.IsDBNull(10) ? null : r.GetString(10), CsrfToken = r.IsDBNull(11) ? null : r.GetString(11),
                IssuedAt = Row.Time(r, 12), ExpiresAt = Row.Time(r, 13), UpdatedAt = Row.Time(r, 14),
            };
        }, ("$id", id)).FirstOrDefault();

    public void AddCode(LoginCode code) => SaveCode(code);

    public void SaveCode(LoginCode code) =>
        Exec(null, """
            INSERT OR REPLACE INTO identity_login_codes (id, code, address, used, identity_id, selfservice_login_flow_id, expires_at, created_at)
            VALUES ($id, $code, $address, $used, $identity, $flow, $expires, $created)
            """,
            ("$id", code.Id), ("$code", code.Code), ("$address", code.Address), ("$used", code.Used), ("$identity", code.IdentityId),
            ("$flow", code.FlowId), ("$expires", Row.Time(code.ExpiresAt)), ("$created", Row.Time(code.CreatedAt)));

    public void DeleteCodesOfFlow(Guid flowId) =>
        Exec(null, "DELETE FROM identity_login_codes WHERE selfservice_login_flow_id = $flow", ("$flow", flowId));

    public IReadOnlyList<LoginCode> CodesOf(Guid identityId) =>
        Query("""
            SELECT id, code, address, used, selfservice_login_flow_id, expires_at, created_at FROM identity_login_codes
            WHERE identity_id = $identity ORDER BY rowid
            """,
            r => new LoginCode(r.GetGuid(4), identityId, r.GetString(2), r.GetString(1), Row.Time(r, 5))
            {
                Id = r.GetGuid(0), Used = r.GetBoolean(3), CreatedAt = Row.Time(r, 6),
            },
            ("$identity", identityId));
}
