namespace Kratos.Double.Model;

/// <summary>A recovery code bound to its flow and to the recovery address it was sent to (selfservice/strategy/code/code_recovery.go).</summary>
internal sealed record RecoveryFlowCode(Guid FlowId, Guid IdentityId, string Address, string Code, DateTimeOffset ExpiresAt)
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public bool Used { get; set; }
}
