using System.Text.Json.Nodes;
using Kratos.Double.Model;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.State.Sqlite;

/// <summary>Courier messages and their dispatches, self-service errors, logout tokens, and the SQL helpers.</summary>
internal sealed partial class SqliteStore
{
    private static readonly string[] Tables =
    [
        "identity_login_codes", "identity_recovery_codes", "selfservice_recovery_flows", "selfservice_login_flows", "selfservice_settings_flows", "session_logout_tokens", "sessions", "identity_recovery_addresses",
        "identity_verifiable_addresses", "identity_credential_identifiers", "identity_credentials", "identities",
        "courier_message_dispatches", "courier_messages", "selfservice_errors",
    ];

    public void AddMessage(CourierMessage message) => SaveMessage(message);

    public void SaveMessage(CourierMessage message)
    {
        using var tx = _connection.BeginTransaction();
        Exec(tx, """
            INSERT INTO courier_messages (id, type, status, body, subject, recipient, template_type, send_count, created_at, updated_at, template_data)
            VALUES ($id, $type, $status, $body, $subject, $recipient, $template, $count, $created, $updated, $data)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, send_count = excluded.send_count, updated_at = excluded.updated_at
            """,
            ("$id", message.Id), ("$type", message.Type == "sms" ? 2 : 1), ("$data", message.TemplateData?.ToJsonString()),
            ("$status", message.Status), ("$body", message.Body), ("$subject", message.Subject), ("$recipient", message.Recipient),
            ("$template", message.TemplateType), ("$count", message.SendCount), ("$created", Row.Time(message.CreatedAt)), ("$updated", Row.Time(message.UpdatedAt)));
        Exec(tx, "DELETE FROM courier_message_dispatches WHERE message_id = $id", ("$id", message.Id));
        foreach (var d in message.Dispatches)
        {
            Exec(tx, """
                INSERT INTO courier_message_dispatches (id, message_id, status, error, created_at, updated_at)
                VALUES ($id, $message, $status, $error, $created, $updated)
                """,
                ("$id", d["id"]!.GetValue<string>()), ("$message", message.Id), ("$status", d["status"]!.GetValue<string>()),
                ("$error", d["error"]?.ToJsonString()), ("$created", d["created_at"]!.GetValue<string>()), ("$updated", d["updated_at"]!.GetValue<string>()));
        }

        tx.Commit();
    }

    public CourierMessage? FindMessage(Guid id) => ReadMessages("WHERE id = $id", string.Empty, ("$id", id)).FirstOrDefault();

    public IReadOnlyList<CourierMessage> ListMessages() => ReadMessages(string.Empty, "ORDER BY created_at DESC, rowid DESC");

    public IReadOnlyList<CourierMessage> TakeQueued(int count)
    {
        var messages = ReadMessages("WHERE status = 'queued'", "ORDER BY created_at ASC, rowid ASC LIMIT $limit", ("$limit", count));
        foreach (var message in messages)
        {
            message.Status = "processing";
            Exec(null, "UPDATE courier_messages SET status = 'processing' WHERE id = $id", ("$id", message.Id));
        }

        return messages;
    }

    private List<CourierMessage> ReadMessages(string where, string order, params (string Name, object? Value)[] parameters)
    {
        var messages = Query(
            $"SELECT id, status, body, subject, recipient, send_count, created_at, updated_at, template_type, type, template_data FROM courier_messages {where} {order}",
            r => new CourierMessage
            {
                Id = r.GetGuid(0), Status = r.GetString(1), Body = r.GetString(2), Subject = r.GetString(3), Recipient = r.GetString(4),
                SendCount = r.GetInt32(5), CreatedAt = Row.Time(r, 6), UpdatedAt = Row.Time(r, 7), TemplateType = r.GetString(8),
                Type = r.GetInt32(9) == 2 ? "sms" : "email", TemplateData = Row.Json(r, 10) as System.Text.Json.Nodes.JsonObject,
            },
            parameters);
        foreach (var message in messages)
        {
            message.Dispatches.AddRange(Query(
                "SELECT id, status, error, created_at, updated_at FROM courier_message_dispatches WHERE message_id = $id ORDER BY rowid",
                r => new JsonObject
                {
                    ["id"] = r.GetString(0), ["message_id"] = message.Id.ToString(), ["status"] = r.GetString(1), ["error"] = Row.Json(r, 2),
                    ["created_at"] = r.GetString(3), ["updated_at"] = r.GetString(4),
                },
                ("$id", message.Id)));
        }

        return messages;
    }

    public void AddError(StoredError error) =>
        Exec(null, "INSERT INTO selfservice_errors (id, errors, created_at) VALUES ($id, $errors, $created)",
            ("$id", error.Id), ("$errors", error.Error.ToJsonString()), ("$created", Row.Time(error.CreatedAt)));

    public StoredError? FindError(Guid id) =>
        Query("SELECT id, errors, created_at FROM selfservice_errors WHERE id = $id",
            r => new StoredError(r.GetGuid(0), (JsonObject)JsonNode.Parse(r.GetString(1))!, Row.Time(r, 2)), ("$id", id)).FirstOrDefault();

    public void AddLogoutToken(string token, Guid sessionId) =>
        Exec(null, "INSERT OR REPLACE INTO session_logout_tokens (token, session_id) VALUES ($token, $session)", ("$token", token), ("$session", sessionId));

    public Guid? TakeLogoutToken(string token)
    {
        var session = Query("SELECT session_id FROM session_logout_tokens WHERE token = $token", r => r.GetGuid(0), ("$token", token));
        Exec(null, "DELETE FROM session_logout_tokens WHERE token = $token", ("$token", token));
        return session.Count == 0 ? null : session[0];
    }

    public void Clear()
    {
        using var tx = _connection.BeginTransaction();
        foreach (var table in Tables)
        {
            Exec(tx, $"DELETE FROM {table}");
        }

        tx.Commit();
    }

    private void Exec(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(tx, sql, parameters);
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(map(reader));
        }

        return result;
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                Guid g => g.ToString(),
                bool b => b ? 1 : 0,
                _ => value,
            });
        }

        return command;
    }
}
