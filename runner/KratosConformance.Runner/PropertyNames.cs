namespace KratosConformance.Runner;

/// <summary>The NUnit properties every conformance test carries (set by the suites).</summary>
public static class PropertyNames
{
    public const string ConformanceId = "ConformanceId";
    public const string Scenario = "Scenario";
    public const string Client = "Client";
    public const string Description = "Description";
}
