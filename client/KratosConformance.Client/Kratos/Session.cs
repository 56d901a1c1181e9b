using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>Typed view over a Kratos session (<c>session/session.go</c>, spec §2.14). <see cref="Identity"/> is null when
/// Kratos hides it (a native aal1 session whose identity needs aal2, spec §3).</summary>
public sealed record Session
{
    public string Id { get; init; } = string.Empty;
    public bool Active { get; init; }
    /// <summary>authenticator_assurance_level: "aal1" or "aal2".</summary>
    public string Aal { get; init; } = string.Empty;
    public DateTimeOffset AuthenticatedAt { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public IReadOnlyList<AuthenticationMethod> Methods { get; init; } = [];
    public JsonObject? Identity { get; init; }
    public JsonObject Raw { get; init; } = [];

    /// <summary>Method names in order, e.g. [password, code].</summary>
    public IReadOnlyList<string> MethodNames => Methods.Select(m => m.Method).ToList();

    /// <summary>True when the JSON looks like a session (whoami body or the "session" of a login response).</summary>
    public static bool LooksLikeSession(JsonNode? node) =>
        node is JsonObject o && o["authenticator_assurance_level"] is not null && o["error"] is null;

    public static Session Parse(JsonObject json)
    {
        var raw = KratosJson.Copy(json);
        return new Session
        {
            Id = KratosJson.Str(raw, "id") ?? string.Empty,
            Active = KratosJson.Bool(raw, "active"),
            Aal = KratosJson.Str(raw, "authenticator_assurance_level") ?? string.Empty,
            AuthenticatedAt = KratosJson.Time(raw, "authenticated_at"),
            IssuedAt = KratosJson.Time(raw, "issued_at"),
            ExpiresAt = KratosJson.Time(raw, "expires_at"),
            Methods = (KratosJson.Arr(raw, "authentication_methods") ?? [])
                .OfType<JsonObject>()
                .Select(m => new AuthenticationMethod(KratosJson.Str(m, "method") ?? string.Empty, KratosJson.Str(m, "aal") ?? string.Empty, KratosJson.TimeOrNull(m, "completed_at")))
                .ToList(),
            Identity = KratosJson.Obj(raw, "identity"),
            Raw = raw,
        };
    }

    public override string ToString() => $"session {FlowDescription.ShortId(Id)} {Aal} [{string.Join(", ", MethodNames)}]";
}
