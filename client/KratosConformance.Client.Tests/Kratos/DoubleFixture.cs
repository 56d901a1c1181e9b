using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>Base of the self-tests that run against one in-process double (default profile) per fixture.</summary>
public abstract class DoubleFixture
{
    internal DoubleDeployment Deployment { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartDouble() => Deployment = await DoubleDeployment.StartAsync(KratosProfiles.Default);

    [OneTimeTearDown]
    public async Task StopDouble() => await Deployment.DisposeAsync();
}
