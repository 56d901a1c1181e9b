using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What a check looks at: one response of the scenario, the test it belongs to, and the words that say when it was
/// taken ("after submitting a wrong code"). Checks quote all three in their failure message, so a failure names the
/// request that produced it without opening the evidence (style.md principle 3).
/// </summary>
public sealed record Observation(string TestId, string Situation, KratosResponse Response)
{
    /// <summary>The flow the response carried, or the one fetched after a browser redirect.</summary>
    public LoginFlow? Flow => Response.Flow;
}
