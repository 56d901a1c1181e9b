using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>session/session.go Session; AAL is recomputed from the AMR like SetAuthenticatorAssuranceLevel.</summary>
internal sealed class Session
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Token { get; set; }
    public required string CookieValue { get; set; }
    public required Guid IdentityId { get; init; }
    public List<(string Method, string Aal, DateTimeOffset CompletedAt)> Methods { get; } = [];
    public DateTimeOffset AuthenticatedAt { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public bool Active { get; set; } = true;
    public Guid DeviceId { get; init; } = Guid.NewGuid();
    public string? UserAgent { get; init; }
    public string? IpAddress { get; init; }
    /// <summary>Set only by deviations that report an AAL the AMR does not justify.</summary>
    public string? AalOverride { get; set; }

    /// <summary>aal2 needs an aal1 and an aal2 entry in the AMR (session/session.go).</summary>
    public string Aal => AalOverride ?? (Methods.Any(m => m.Aal == "aal1") && Methods.Any(m => m.Aal == "aal2") ? "aal2" : "aal1");

    public JsonObject ToJson(JsonObject? identity) => new()
    {
        ["id"] = Id.ToString(),
        ["active"] = Active,
        ["expires_at"] = Time.Node(ExpiresAt),
        ["authenticated_at"] = Time.Node(AuthenticatedAt),
        ["authenticator_assurance_level"] = Aal,
        ["authentication_methods"] = new JsonArray(Methods.Select(m => (JsonNode)new JsonObject
        {
            ["method"] = m.Method, ["aal"] = m.Aal, ["completed_at"] = Time.Node(m.CompletedAt),
        }).ToArray()),
        ["issued_at"] = Time.Node(IssuedAt),
        ["identity"] = identity,
        ["devices"] = new JsonArray(new JsonObject
        {
            ["id"] = DeviceId.ToString(), ["ip_address"] = IpAddress ?? string.Empty,
            ["user_agent"] = UserAgent ?? string.Empty, ["location"] = string.Empty,
        }),
    };
}
