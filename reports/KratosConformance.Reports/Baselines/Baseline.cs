namespace KratosConformance.Reports.Baselines;

/// <summary>
/// Known deviations of a deployment (an expected-failures file, as in the OpenID conformance suite). File format:
/// <c>{ "expectedFailures": [ { "id": "login.code-mfa.&lt;scenario&gt;.&lt;client&gt;", "reason": "…" } ] }</c>.
/// </summary>
public sealed record Baseline(string Source, IReadOnlyList<BaselineEntry> ExpectedFailures)
{
    public BaselineEntry? Find(string testId) => ExpectedFailures.FirstOrDefault(e => e.Id == testId);
}
