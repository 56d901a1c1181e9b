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
    public int SendCount { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<JsonObject> Dispatches { get; } = [];

    public JsonObject ToJson(bool dev) => new()
    {
        ["id"] = Id.ToString(),
        ["status"] = Status,
        ["type"] = "email",
        ["recipient"] = Recipient,
        ["body"] = dev ? Body : Redacted,
        ["subject"] = dev ? Subject : Redacted,
        ["template_type"] = TemplateType,
        ["channel"] = "email",
        ["send_count"] = SendCount,
        ["created_at"] = Time.Node(CreatedAt),
        ["updated_at"] = Time.Node(UpdatedAt),
        ["dispatches"] = new JsonArray(Dispatches.Select(d => (JsonNode)d.DeepClone()).ToArray()),
    };
}
