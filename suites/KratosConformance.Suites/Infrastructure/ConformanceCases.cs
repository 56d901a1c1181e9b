using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites;

/// <summary>
/// Builds the NUnit test cases of one scenario: one case per client, named by its conformance id and carrying the
/// properties the CLI reads (<see cref="ConformanceProperties"/>). Used from <c>[TestCaseSource]</c>, so a scenario is
/// written once and runs for every client style it applies to.
/// </summary>
public static class ConformanceCases
{
    /// <summary>One case per HTTP client style (browser, spa, native); the test method takes the <see cref="ClientStyle"/>.</summary>
    public static IEnumerable<TestCaseData> ForStyles(string scenario, string description, params ClientStyle[] styles)
    {
        var chosen = styles.Length == 0 ? ClientStyles.All : styles;
        return chosen.Select(style => Case(scenario, style.Id(), description, style));
    }

    /// <summary>One case for any client id (e.g. browser-ui); <paramref name="arguments"/> are the test method's arguments.</summary>
    public static TestCaseData Case(string scenario, string client, string description, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var id = ConformanceProperties.IdOf(scenario, client);
        var data = new TestCaseData(arguments).SetName(id).SetDescription(description);
        data.Properties.Set(ConformanceProperties.ConformanceId, id);
        data.Properties.Set(ConformanceProperties.Scenario, scenario);
        data.Properties.Set(ConformanceProperties.Client, client);
        return data;
    }
}
