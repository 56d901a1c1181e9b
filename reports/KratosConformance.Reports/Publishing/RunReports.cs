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
    /// <param name="result">The run's results; evidence files and checks are attached from disk.</param>
    /// <param name="runDirectory">The run folder the reports go into.</param>
    /// <param name="coverage">The suites' committed field-coverage table; when given, the run's field coverage is computed from the checks that ran.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task<RunResult> WriteAllAsync(RunResult result, string runDirectory, Coverage.FieldCoverageTable? coverage = null, CancellationToken cancellationToken = default)
    {
        var indexed = EvidenceIndex.Attach(result, runDirectory);
        if (coverage is not null)
        {
            indexed = indexed with { FieldCoverage = Coverage.FieldCoverage.Compute(coverage, indexed.Tests) };
        }

        await ResultsJsonWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await JUnitWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await SummaryMarkdownWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        await HtmlReportWriter.WriteAsync(indexed, runDirectory, cancellationToken).ConfigureAwait(false);
        return indexed;
    }
}
