namespace Kratos.Double.Model;

/// <summary>A login code bound to flow, identity and address (selfservice/strategy/code/code_login.go).</summary>
internal sealed record LoginCode(Guid FlowId, Guid IdentityId, string Address, string Code, DateTimeOffset ExpiresAt)
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public bool Used { get; set; }
}
