using KratosConformance.Fixtures.Profiles;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Base of the HTTP code-MFA scenarios (browser, SPA and native clients over HTTP): a <see cref="ConformanceTest"/>
/// that also hands out the shared <see cref="Flows"/> steps for a profile's deployment.
/// </summary>
public abstract class CodeMfaTest : ConformanceTest
{
    /// <summary>The shared steps over <paramref name="profile"/>'s deployment; not applicable when the target lacks it.</summary>
    protected async Task<Flows> FlowsAsync(string profile = KratosProfiles.Default)
    {
        var (deployment, expect) = await DeploymentAsync(profile);
        return new Flows(Scope, deployment, expect);
    }
}
