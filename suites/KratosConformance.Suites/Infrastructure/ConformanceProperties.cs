namespace KratosConformance.Suites;

/// <summary>
/// Names of the NUnit properties every conformance test carries. The kc CLI reads them from the test results to build
/// results.json (id, scenario, client, summary), so they are a contract: renaming one breaks the reports.
/// </summary>
public static class ConformanceProperties
{
    /// <summary>The stable test id, <c>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;</c> (architecture.md, Contracts).</summary>
    public const string ConformanceId = "ConformanceId";

    /// <summary>The scenario part of the id, e.g. <c>wrong-code</c>.</summary>
    public const string Scenario = "Scenario";

    /// <summary>browser | spa | native | browser-ui.</summary>
    public const string Client = "Client";

    /// <summary>NUnit's own Description property: the one-line summary citing the spec section.</summary>
    public const string Description = "Description";

    /// <summary>Every id starts with this; the part after it is <c>&lt;scenario&gt;.&lt;client&gt;</c>.</summary>
    public const string IdPrefix = "login.code-mfa.";

    public static string IdOf(string scenario, string client) => $"{IdPrefix}{scenario}.{client}";
}
