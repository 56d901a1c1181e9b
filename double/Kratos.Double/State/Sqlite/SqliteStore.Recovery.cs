using System.Text.Json.Nodes;
using Kratos.Double.Model;

namespace Kratos.Double.State.Sqlite;

/// <summary>Recovery flows (selfservice_recovery_flows) and recovery codes (identity_recovery_codes).</summary>
internal sealed partial class SqliteStore
{
    public void SaveRecoveryFlow(RecoveryFlow flow) =>
        Exec(null, """
            INSERT OR REPLACE INTO selfservice_recovery_flows (id, type, request_url, return_to, active_method, state, ui, csrf_token, issued_at,
              expires_at, updated_at)
            VALUES ($id, $type, $url, $return_to, $active, $state, $ui, $csrf, $issued, $expires, $updated)
            """,
            ("$id", flow.Id), ("$type", flow.Type), ("$url", flow.RequestUrl), ("$return_to", flow.ReturnTo), ("$active", flow.Active),
            ("$state", flow.State), ("$ui", new JsonObject { ["nodes"] = flow.Nodes.DeepClone(), ["messages"] = flow.Messages.DeepClone() }.ToJsonString()),
            ("$csrf", flow.CsrfToken), ("$issued", Row.Time(flow.IssuedAt)), ("$expires", Row.Time(flow.ExpiresAt)), ("$updated", Row.Time(flow.UpdatedAt)));

    public RecoveryFlow? FindRecoveryFlow(Guid id) =>
        Query("""
            SELECT id, type, request_url, return_to, active_method, state, ui, csrf_token, issued_at, expires_at, updated_at
            FROM selfservice_recovery_flows WHERE id = $id
            """, r =>
        {
            var ui = JsonNode.Parse(r.GetString(6))!.AsObject();
            return new RecoveryFlow
            {
                Id = r.GetGuid(0), Type = r.GetString(1), RequestUrl = r.GetString(2), ReturnTo = r.IsDBNull(3) ? null : r.GetString(3),
                Active = r.IsDBNull(4) ? null : r.GetString(4), State = r.GetString(5), Nodes = ui["nodes"]!.AsArray(), Messages = ui["messages"]!.AsArray(),
                CsrfToken = r.IsDBNull(7) ? null : r.GetString(7), IssuedAt = Row.Time(r, 8), ExpiresAt = Row.Time(r, 9), UpdatedAt = Row.Time(r, 10),
            };
        }, ("$id", id)).FirstOrDefault();

    public void SaveRecoveryCode(RecoveryFlowCode code) =>
        Exec(null, """
            INSERT OR REPLACE INTO identity_recovery_codes (id, code, address, used, identity_id, selfservice_recovery_flow_id, expires_at)
            VALUES ($id, $code, $address, $used, $identity, $flow, $expires)
            """,
            ("$id", code.Id), ("$code", code.Code), ("$address", code.Address), ("$used", code.Used), ("$identity", code.IdentityId),
            ("$flow", code.FlowId), ("$expires", Row.Time(code.ExpiresAt)));

    public void DeleteRecoveryCodesOfFlow(Guid flowId) =>
        Exec(null, "DELETE FROM identity_recovery_codes WHERE selfservice_recovery_flow_id = $flow", ("$flow", flowId));

    public IReadOnlyList<RecoveryFlowCode> RecoveryCodesOf(Guid flowId) =>
        Query("SELECT id, code, address, used, identity_id, expires_at FROM identity_recovery_codes WHERE selfservice_recovery_flow_id = $flow ORDER BY rowid",
            r => new RecoveryFlowCode(flowId, r.GetGuid(4), r.GetString(2), r.GetString(1), Row.Time(r, 5)) { Id = r.GetGuid(0), Used = r.GetBoolean(3) },
            ("$flow", flowId));
}
