using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// The warnings every human-facing report shows above its matrix (summary.md, index.html, the console), worded once:
/// a run stopped by a signal, and a run whose files hold secrets in clear text.
/// </summary>
public static class ReportBanners
{
    public const string SecretsRevealed =
        "SECRETS REVEALED: this run was made with --reveal-secrets; its reports and evidence hold session tokens, cookies, CSRF tokens and passwords in clear text (files written with mode 0600). Do not publish them.";

    public static IReadOnlyList<string> Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var banners = new List<string>();
        if (result.Run.Interruption is { } signal)
        {
            banners.Add($"INTERRUPTED by {signal}: {result.Summary.Interrupted} test(s) did not finish and say nothing about Kratos; this run is incomplete and is not compared (./kc compare refuses it).");
        }

        if (result.Run.SecretsRevealed)
        {
            banners.Add(SecretsRevealed);
        }

        return banners;
    }

    /// <summary>"✓ ", "✗ " or "⚠ " before a verdict line.</summary>
    public static string VerdictSymbol(RunVerdict verdict) =>
        verdict?.Interrupted == true ? "⚠ " : verdict?.Passed == true ? "✓ " : "✗ ";
}
