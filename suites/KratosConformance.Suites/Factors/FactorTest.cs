namespace KratosConformance.Suites.Factors;

/// <summary>
/// Base of the TOTP, backup-code, mixed-factor and settings scenarios (browser, SPA and native clients over HTTP): a
/// <see cref="ConformanceTest"/> that hands out <see cref="FactorSteps"/> for a profile's deployment. A profile is not
/// applicable where the target lacks it or, with --config, where the team's config does not enable its factor.
/// </summary>
public abstract class FactorTest : ConformanceTest
{
    /// <summary>The flow and factor of a test id: <c>login.totp</c>, <c>settings.lookup-secret</c>.</summary>
    protected static string Id(string flow, string factor, string scenario) => ConformanceProperties.Qualified(flow, factor, scenario);

    /// <summary>The shared steps over <paramref name="profile"/>'s deployment; not applicable when the target lacks it.</summary>
    protected async Task<FactorSteps> StepsAsync(string profile)
    {
        var (deployment, expect) = await DeploymentAsync(profile);
        return new FactorSteps(Scope, deployment, expect);
    }
}
