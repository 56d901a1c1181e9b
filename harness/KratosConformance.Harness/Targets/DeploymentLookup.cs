using KratosConformance.Client;
namespace KratosConformance.Harness.Targets;

/// <summary>A deployment for a profile, or the reason the target can not provide one (reported as not applicable).</summary>
public sealed record DeploymentLookup(KratosDeployment? Deployment, string? NotAvailableReason)
{
    public static DeploymentLookup Found(KratosDeployment deployment) => new(deployment, null);
    public static DeploymentLookup NotAvailable(string reason) => new(null, reason);
}
