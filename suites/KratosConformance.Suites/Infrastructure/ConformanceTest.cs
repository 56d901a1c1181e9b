using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Harness.Targets;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;
using NUnit.Framework.Interfaces;

namespace KratosConformance.Suites;

/// <summary>
/// Base class of the HTTP conformance tests: one <see cref="ConformanceScope"/> per test (id, evidence, identities,
/// clients), created in [SetUp] and finished in [TearDown]. Every test case gets its own instance and tests run in
/// parallel: isolation comes from data (each test its own identity and mailbox address), not from ordering.
/// </summary>
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public abstract class ConformanceTest
{
    private ConformanceScope? _scope;

    protected ConformanceScope Scope => _scope ?? throw new InvalidOperationException("The conformance scope exists only while a test runs.");

    /// <summary>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;.</summary>
    protected string TestId => Scope.TestId;

    protected EvidenceRecorder Evidence => Scope.Evidence;

    [SetUp]
    public void StartScope() => _scope = ConformanceScope.ForCurrentTest();

    [TearDown]
    public async Task FinishScopeAsync()
    {
        if (_scope is null)
        {
            return;
        }

        var outcome = TestContext.CurrentContext.Result.Outcome.Status;
        await _scope.FinishAsync(failed: outcome == TestStatus.Failed);
    }

    /// <summary>The deployment of <paramref name="profile"/> and its version's expectations; not applicable if unavailable.</summary>
    protected Task<(KratosDeployment Deployment, VersionExpectations Expect)> DeploymentAsync(string profile = Harness.Profiles.KratosProfiles.Default) =>
        Scope.DeploymentAsync(profile);

    protected Task<TestIdentity> NewIdentityAsync(KratosDeployment deployment) => Scope.NewIdentityAsync(deployment);

    protected Task<TestIdentity> NewIdentityWithSecondAddressAsync(KratosDeployment deployment) => Scope.NewIdentityWithSecondAddressAsync(deployment);

    protected KratosClient NewClient(ClientStyle style, KratosDeployment deployment) => Scope.NewClient(style, deployment);

    protected Task<LoginCodeMail> WaitForCodeAsync(KratosDeployment deployment, TestIdentity identity, int nth) =>
        Scope.Mail.WaitForCodeAsync(deployment, identity.Email, nth);

    /// <summary>Names what a check looks at: <paramref name="situation"/> reads "after submitting a wrong code".</summary>
    protected Observation Observe(KratosResponse response, string situation) => Scope.Observe(response, situation);

    /// <summary>Writes a named step into the evidence, so steps.jsonl reads like the scenario.</summary>
    protected void Step(string title) => Evidence.Note(title);
}
