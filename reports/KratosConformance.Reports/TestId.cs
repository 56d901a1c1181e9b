using System.Diagnostics.CodeAnalysis;

namespace KratosConformance.Reports;

/// <summary>
/// The test id contract (docs/architecture.md): <c>&lt;flow&gt;.&lt;factor&gt;.&lt;scenario&gt;.&lt;client&gt;</c> with flow
/// <c>login</c>, <c>settings</c> or <c>recovery</c>. The emailed code's tests (<c>login.code-mfa.…</c>) came first and keep their bare
/// scenario (<c>aal2</c>); every other factor's scenario carries its flow and factor (<c>login.totp.wrong-code</c>), so
/// the reports' rows read factor × scenario and a scenario name never collides across factors. Parsed here so
/// baselines, reports and compare agree on what a scenario and a client are.
/// </summary>
public sealed record TestId(string Scenario, string Client)
{
    /// <summary>The emailed code's ids, whose scenario is written without this prefix.</summary>
    public const string Prefix = "login.code-mfa.";

    /// <summary>The flows an id may start with.</summary>
    public static IReadOnlyList<string> KnownFlows { get; } = ["login", "settings", "recovery"];

    /// <summary>Client styles in the order reports show them as columns.</summary>
    public static IReadOnlyList<string> KnownClients { get; } = ["browser", "spa", "native", "browser-ui"];

    /// <summary>The scenario with its flow and factor: <c>login.code-mfa.aal2</c>, <c>settings.totp.enrol</c>.</summary>
    public string QualifiedScenario => Qualify(Scenario);

    public string Value => QualifiedScenario + "." + Client;

    public override string ToString() => Value;

    /// <summary>The id of <paramref name="scenario"/> (bare for the emailed code, qualified otherwise) and <paramref name="client"/>.</summary>
    public static string Of(string scenario, string client) => new TestId(scenario, client).Value;

    /// <summary>A result's scenario with its flow and factor (a bare scenario is the emailed code's).</summary>
    public static string Qualify(string scenario) => IsQualified(scenario) ? scenario : Prefix + scenario;

    public static bool TryParse(string? text, [NotNullWhen(true)] out TestId? id)
    {
        id = null;
        if (text is null)
        {
            return false;
        }

        var lastDot = text.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var qualified = text[..lastDot];
        var client = text[(lastDot + 1)..];
        if (!KnownClients.Contains(client) || !qualified.All(IsScenarioChar) || !IsQualified(qualified))
        {
            return false;
        }

        var scenario = qualified.StartsWith(Prefix, StringComparison.Ordinal) ? qualified[Prefix.Length..] : qualified;
        if (scenario.Length == 0)
        {
            return false;
        }

        id = new TestId(scenario, client);
        return true;
    }

    /// <summary>True for <c>&lt;flow&gt;.&lt;factor&gt;.&lt;scenario&gt;</c> with a known flow and non-empty parts.</summary>
    private static bool IsQualified(string scenario)
    {
        var parts = scenario.Split('.');
        return parts.Length >= 3 && KnownFlows.Contains(parts[0]) && parts.All(p => p.Length > 0);
    }

    private static bool IsScenarioChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.';
}
