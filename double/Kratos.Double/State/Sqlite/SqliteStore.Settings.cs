using System.Text.Json.Nodes;
using Kratos.Double.Model;

namespace Kratos.Double.State.Sqlite;

/// <summary>Settings flows (selfservice_settings_flows) with their internal context and paused payload.</summary>
internal sealed partial class SqliteStore
{
    public void SaveSettingsFlow(SettingsFlow flow) =>
        Exec(null, """
            INSERT OR REPLACE INTO selfservice_settings_flows (id, type, request_url, return_to, active_method, state, ui, internal_context,
              identity_id, csrf_token, continuity_token, continuity_payload, issued_at, expires_at, updated_at)
            VALUES ($id, $type, $url, $return_to, $active, $state, $ui, $internal, $identity, $csrf, $token, $payload, $issued, $expires, $updated)
            """,
            ("$id", flow.Id), ("$type", flow.Type), ("$url", flow.RequestUrl), ("$return_to", flow.ReturnTo), ("$active", flow.Active),
            ("$state", flow.State), ("$ui", new JsonObject { ["nodes"] = flow.Nodes.DeepClone(), ["messages"] = flow.Messages.DeepClone() }.ToJsonString()),
            ("$internal", flow.InternalContext.ToJsonString()), ("$identity", flow.IdentityId), ("$csrf", flow.CsrfToken),
            ("$token", flow.PausedToken), ("$payload", flow.PausedPayload?.ToJsonString()), ("$issued", Row.Time(flow.IssuedAt)),
            ("$expires", Row.Time(flow.ExpiresAt)), ("$updated", Row.Time(flow.UpdatedAt)));

    public SettingsFlow? FindSettingsFlow(Guid id) =>
        Query("""
            SELECT id, type, request_url, return_to, active_method, state, ui, internal_context, identity_id, csrf_token, continuity_token,
              continuity_payload, issued_at, expires_at, updated_at FROM selfservice_settings_flows WHERE id = $id
            """, r =>
        {
            var ui = JsonNode.Parse(r.GetString(6))!.AsObject();
            return new SettingsFlow
            {
                Id = r.GetGuid(0), Type = r.GetString(1), RequestUrl = r.GetString(2), ReturnTo = r.IsDBNull(3) ? null : r.GetString(3),
                Active = r.IsDBNull(4) ? null : r.GetString(4), State = r.GetString(5), Nodes = ui["nodes"]!.AsArray(), Messages = ui["messages"]!.AsArray(),
                InternalContext = JsonNode.Parse(r.GetString(7))!.AsObject(), IdentityId = r.GetGuid(8), CsrfToken = r.IsDBNull(9) ? null : r.GetString(9),
                PausedToken = r.IsDBNull(10) ? null : r.GetString(10), PausedPayload = Row.Json(r, 11) as JsonObject,
                IssuedAt = Row.Time(r, 12), ExpiresAt = Row.Time(r, 13), UpdatedAt = Row.Time(r, 14),
            };
        }, ("$id", id)).FirstOrDefault();
}
