namespace KratosConformance.Suites.Checks;

/// <summary>
/// Headers clients act on: a JSON answer says so in Content-Type (SDKs and fetch().json() depend on it; herodot and
/// Kratos's writer send application/json, spec §1.6, §3).
/// </summary>
public static class HeaderChecks
{
    public static readonly CheckDefinition ContentType = new("response.content-type", "a JSON answer has Content-Type application/json", "http.Content-Type");

    public static void JsonContentType(Observation o)
    {
        var type = o.Response.ContentType;
        Check.Verify(o, ContentType, type is not null && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase), new FailureText
        {
            Headline = "JSON answer without application/json",
            Subject = "Content-Type",
            Expectation = "be application/json",
            Why = "JSON bodies are sent as application/json, spec §3",
            Actual = "it was " + Check.Quote(type),
            Expected = "application/json; charset=utf-8",
            Observed = type ?? "(none)",
        });
    }
}
