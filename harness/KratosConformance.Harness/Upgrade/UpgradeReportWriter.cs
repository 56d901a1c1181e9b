using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// Writes the upgrade section beside a run's report: upgrade.json (the outcome as data) and upgrade.md (per seeded
/// subject and factor: what A showed before and B after, and what changed), and appends the section to summary.md so
/// a CI step summary shows it with the suite's verdict.
/// </summary>
public static class UpgradeReportWriter
{
    public const string MarkdownFile = "upgrade.md";
    public const string JsonFile = "upgrade.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(UpgradeOutcome outcome, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Directory.CreateDirectory(runDirectory);
        var markdown = Render(outcome);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, MarkdownFile), markdown, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, JsonFile), JsonSerializer.Serialize(outcome, Json), cancellationToken).ConfigureAwait(false);
        var summary = Path.Combine(runDirectory, "summary.md");
        if (File.Exists(summary))
        {
            await File.AppendAllTextAsync(summary, "\n" + markdown, cancellationToken).ConfigureAwait(false);
        }
    }

    public static string Render(UpgradeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        text.AppendLine($"## Upgrade {outcome.From} → {outcome.To}: {(outcome.Passed ? "PASSED" : "FAILED")}");
        text.AppendLine();
        text.AppendLine($"Database: {outcome.Database}" + (outcome.Deviations.Count > 0 ? $"; double deviations: {string.Join(", ", outcome.Deviations)}" : string.Empty));
        text.AppendLine();
        foreach (var step in outcome.Steps)
        {
            text.AppendLine($"- {step}");
        }

        if (outcome.Error is { } error)
        {
            text.AppendLine().AppendLine($"**The upgrade could not be certified:** {error}");
        }

        text.AppendLine();
        text.AppendLine($"| subject | factor / property | before ({outcome.From}) | after ({outcome.To}) | | what changed |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in outcome.Findings)
        {
            text.AppendLine($"| {Cell(f.Subject)} | {Cell(f.Factor)} | {Cell(f.Before)} | {Cell(f.After)} | {(f.Passed ? "✓" : "✗")} | {Cell(f.Note ?? string.Empty)} |");
        }

        text.AppendLine();
        text.AppendLine($"{outcome.Findings.Count(f => f.Passed)} of {outcome.Findings.Count} findings as Kratos keeps them across an upgrade.");
        return text.ToString();
    }

    /// <summary>One line per finding that failed, for the console.</summary>
    public static IEnumerable<string> FailureLines(UpgradeOutcome outcome) =>
        (outcome ?? throw new ArgumentNullException(nameof(outcome))).Findings.Where(f => !f.Passed)
            .Select(f => $"  ✗ {f.Subject} / {f.Factor}: before {f.Before}, after {f.After}{(f.Note is null ? string.Empty : " — " + f.Note)}");

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
