using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>identity/identity_verification.go VerifiableAddress.</summary>
internal sealed class VerifiableAddress
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Value { get; init; }
    public required string Via { get; init; }
    public bool Verified { get; set; }
    // Stryker disable once all : equivalent: IdentityFactory sets the status of every address it makes, so this default is never serialised (docs/mutation-survivors.md)
    public string Status { get; set; } = "pending";
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["value"] = Value,
            ["verified"] = Verified,
            ["via"] = Via,
            ["status"] = Status,
            ["created_at"] = Time.Node(CreatedAt),
            ["updated_at"] = Time.Node(UpdatedAt),
        };
        if (VerifiedAt is { } at)
        {
            json["verified_at"] = Time.Node(at);
        }

        return json;
    }
}
