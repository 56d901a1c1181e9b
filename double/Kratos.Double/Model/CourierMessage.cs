using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>courier/message.go Message; body and subject are redacted in the admin API unless --dev.</summary>
internal sealed class CourierMessage
{
    public const string Redacted = "<redacted-unless-dev-mode>";
    public Guid Id { get; init; } = Guid.NewGuid();
    public string Status { get; set; } = "queued";
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    /// <summary>login_code_valid or recovery_code_valid (courier/template).</summary>
    public string TemplateType { get; init; } = "login_code_valid";
    /// <summary>email or sms (courier/message.go MessageType); the channel has the same name (QueueEmail: email, QueueSMS: sms).</summary>
    public string Type { get; init; } = "email";
    /// <summary>The template's model as JSON (courier/message.go TemplateData): what an HTTP channel gets as ctx.template_data.</summary>
    public JsonObject? TemplateData { get; init; }
    public int SendCount { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<JsonObject> Dispatches { get; } = [];

    public JsonObject ToJson(bool dev) => new()
    {
        ["id"] = Id.ToString(),
        ["status"] = Status,
        ["type"] = Type,
        ["recipient"] = Recipient,
        ["body"] = dev ? Body : Redacted,
        ["subject"] = dev ? Subject : Redacted,
        ["template_type"] = TemplateType,
        ["channel"] = Type,
        ["send_count"] = SendCount,
        ["created_at"] = Time.Node(CreatedAt),
        ["updated_at"] = Time.Node(UpdatedAt),
        ["dispatches"] = new JsonArray(Dispatches.Select(d => (JsonNode)d.DeepClone()).ToArray()),
    };
}
