using KratosConformance.Reports.Html;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Publishing;

/// <summary>
/// Writes every report of a finished run (results.json, junit.xml, summary.md, index.html) in one call, so the CLI
/// cannot forget one. Evidence files are indexed from disk first; the returned run is what results.json holds.
/// </summary>
public static class RunReports
{
    public static async Task<RunResult> WriteAllAsync(RunResult result, string runDirectory, CancellationToken cancellationToken = default)
    {
        var indexed = EvidenceIndex.Attach(result, runDirectory);
        await ResultsJsonWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await JUnitWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await SummaryMarkdownWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await HtmlReportWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        return indexed;
    }
}
