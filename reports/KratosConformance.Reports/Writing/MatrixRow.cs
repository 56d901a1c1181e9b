namespace KratosConformance.Reports.Writing;

/// <summary>
/// One row of the report matrix: the factor, flow and scenario of a scenario key (a result's <c>Scenario</c>), read
/// from its stable test id <c>&lt;flow&gt;.&lt;factor&gt;.&lt;scenario&gt;.&lt;client&gt;</c> (<see cref="TestId"/>), so
/// every report shows factor × scenario × client the same way. <see cref="Key"/> addresses the row's cells.
/// </summary>
public sealed record MatrixRow(string Factor, string Flow, string Scenario, string Key)
{
    /// <summary>The factor of a result whose id does not follow the contract (a suite of a newer version, say).</summary>
    public const string UnknownFactor = "other";

    /// <summary>
    /// Factors in the order the reports show them: the emailed code first (the suite's origin), then the other second
    /// factors as the factors spec orders them, then mixed factors; any other factor follows alphabetically.
    /// </summary>
    public static IReadOnlyList<string> KnownFactors { get; } = ["code-mfa", "code-optional", "totp", "lookup-secret", "webauthn", "sms", "mixed"];

    /// <summary>The row of a result with test id <paramref name="id"/> and scenario key <paramref name="key"/>.</summary>
    public static MatrixRow Of(string id, string key)
    {
        if (!TestId.TryParse(id, out var parsed))
        {
            return new MatrixRow(UnknownFactor, string.Empty, key, key);
        }

        var parts = parsed.QualifiedScenario.Split('.', 3);
        return new MatrixRow(parts[1], parts[0], parts[2], key);
    }

    /// <summary>Where <paramref name="factor"/> sorts among the factors of a report.</summary>
    public static (int, string) Rank(string factor)
    {
        var known = KnownFactors.ToList().IndexOf(factor);
        return (known >= 0 ? known : factor == UnknownFactor ? int.MaxValue : KnownFactors.Count, factor);
    }
}
