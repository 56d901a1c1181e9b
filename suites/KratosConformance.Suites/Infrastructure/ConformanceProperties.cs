namespace KratosConformance.Suites;

/// <summary>
/// Names of the NUnit properties every conformance test carries. The kc CLI reads them from the test results to build
/// results.json (id, scenario, client, summary), so they are a contract: renaming one breaks the reports.
/// </summary>
public static class ConformanceProperties
{
    /// <summary>The stable test id, <c>&lt;login|settings|recovery&gt;.&lt;factor&gt;.&lt;scenario&gt;.&lt;client&gt;</c> (architecture.md, Contracts).</summary>
    public const string ConformanceId = "ConformanceId";

    /// <summary>The scenario part of the id: bare for the emailed code (<c>wrong-code</c>), with flow and factor for
    /// the others (<c>login.totp.wrong-code</c>), as the reports' <c>TestId</c> reads it.</summary>
    public const string Scenario = "Scenario";

    /// <summary>browser | spa | native | browser-ui.</summary>
    public const string Client = "Client";

    /// <summary>NUnit's own Description property: the one-line summary citing the spec section.</summary>
    public const string Description = "Description";

    /// <summary>The emailed code's ids start with this; the part after it is <c>&lt;scenario&gt;.&lt;client&gt;</c>.</summary>
    public const string IdPrefix = "login.code-mfa.";

    /// <summary>The flows a qualified scenario starts with.</summary>
    public static readonly IReadOnlyList<string> Flows = ["login", "settings", "recovery"];

    /// <summary><c>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;</c> for a bare scenario, <c>&lt;scenario&gt;.&lt;client&gt;</c>
    /// for one that names its flow and factor (<see cref="Qualified"/>).</summary>
    public static string IdOf(string scenario, string client) =>
        IsQualified(scenario) ? $"{scenario}.{client}" : $"{IdPrefix}{scenario}.{client}";

    /// <summary>The scenario of another factor than the emailed code: <c>&lt;flow&gt;.&lt;factor&gt;.&lt;scenario&gt;</c>.</summary>
    public static string Qualified(string flow, string factor, string scenario) => $"{flow}.{factor}.{scenario}";

    private static bool IsQualified(string scenario) =>
        scenario.Split('.') is { Length: >= 3 } parts && Flows.Contains(parts[0]);
}
