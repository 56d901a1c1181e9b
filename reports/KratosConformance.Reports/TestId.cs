using System.Diagnostics.CodeAnalysis;

namespace KratosConformance.Reports;

/// <summary>
/// The test id contract (docs/architecture.md): login.code-mfa.&lt;scenario&gt;.&lt;client&gt;. Parsed here so baselines,
/// reports and compare agree on what a scenario and a client are.
/// </summary>
public sealed record TestId(string Scenario, string Client)
{
    public const string Prefix = "login.code-mfa.";

    /// <summary>Client styles in the order reports show them as columns.</summary>
    public static IReadOnlyList<string> KnownClients { get; } = ["browser", "spa", "native", "browser-ui"];

    public string Value => Prefix + Scenario + "." + Client;

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out TestId? id)
    {
        id = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[Prefix.Length..];
        var lastDot = rest.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var scenario = rest[..lastDot];
        var client = rest[(lastDot + 1)..];
        if (!KnownClients.Contains(client) || !scenario.All(IsScenarioChar))
        {
            return false;
        }

        id = new TestId(scenario, client);
        return true;
    }

    private static bool IsScenarioChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.';
}
