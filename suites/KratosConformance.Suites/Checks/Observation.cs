using KratosConformance.Client.Kratos;
using KratosConformance.Reports.Evidence;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What a check looks at: one response of the scenario, the test it belongs to, and the words that say when it was
/// taken ("after submitting a wrong code"). Checks quote all three in their failure message, so a failure names the
/// request that produced it without opening the evidence (style.md principle 3). <see cref="Log"/> records every
/// check, passed or not, into the test's evidence; <see cref="Severity"/> is what a failure does, chosen by the caller
/// (<see cref="ContinueOnFailure"/>, <see cref="WarnOnFailure"/>; stopping the test is the default).
/// </summary>
public sealed record Observation(string TestId, string Situation, KratosResponse Response)
{
    /// <summary>Where checks are recorded; null in self-tests, which read failures from the exception.</summary>
    public CheckLog? Log { get; init; }

    public CheckSeverity Severity { get; init; } = CheckSeverity.Stop;

    /// <summary>The expectations of the deployment that answered (texts per version, facts); null in self-tests.</summary>
    public VersionExpectations? Expect { get; init; }

    /// <summary>The flow the response carried, or the one fetched after a browser redirect.</summary>
    public LoginFlow? Flow => Response.Flow;

    /// <summary>A failure of checks on this observation is recorded and the test goes on (it fails at its end).</summary>
    public Observation ContinueOnFailure() => this with { Severity = CheckSeverity.Record };

    /// <summary>A failure of checks on this observation is only a warning: recorded, and the test can still pass.</summary>
    public Observation WarnOnFailure() => this with { Severity = CheckSeverity.Warn };
}
