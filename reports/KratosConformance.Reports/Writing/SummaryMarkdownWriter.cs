using System.Text;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// Writes summary.md for CI step summaries ($GITHUB_STEP_SUMMARY): verdict, counts, the scenario × client matrix
/// (✓ / ✗ / n.a. / ✗ (expected)), then every failure with its full message, so the CI page alone explains a red run.
/// </summary>
public static class SummaryMarkdownWriter
{
    public const string FileName = "summary.md";

    public static string Render(RunResult result)
    {
        var md = new StringBuilder();
        var verdict = RunVerdict.Of(result);
        md.Append("## Kratos code-MFA conformance: ").Append(ReportBanners.VerdictSymbol(verdict)).Append(verdict.Line).Append("\n\n");
        foreach (var banner in ReportBanners.Of(result))
        {
            md.Append("> **").Append(banner).Append("**\n\n");
        }

        md.Append(MarkdownText.Cell(RunHeadline.Describe(result.Run))).Append("\n\n");
        // The browser suite certifies a login UI: name it where its tests ran (the target reports it as a run note).
        if (result.Run.Notes.TryGetValue("login-ui", out var ui) && result.Tests.Any(t => t.Id.EndsWith(".browser-ui", StringComparison.Ordinal)))
        {
            md.Append("Login UI certified by the browser-ui tests: ").Append(MarkdownText.Cell(ui)).Append("\n\n");
        }

        AppendMatrix(md, OutcomeMatrix.Of(result.Tests));
        AppendChecks(md, result);
        AppendFailures(md, result.Tests.Where(t => t.Outcome == TestOutcome.Failed).ToList());
        AppendExpected(md, result.Tests.Where(t => t.Outcome == TestOutcome.ExpectedFailure).ToList());
        AppendBaselineNotes(md, result.Run);
        return md.ToString();
    }

    public static async Task<string> WriteAsync(RunResult result, string runDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(runDirectory, FileName);
        await ReportFile.WriteAsync(path, Render(result), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static void AppendMatrix(StringBuilder md, OutcomeMatrix matrix)
    {
        if (matrix.Scenarios.Count == 0)
        {
            return;
        }

        // Factor × scenario × client (docs/architecture.md, test ids): a factor's rows together, flow and scenario apart.
        md.Append("| factor | flow | scenario | ").Append(string.Join(" | ", matrix.Clients)).Append(" |\n");
        md.Append("|---|---|---|").Append(string.Concat(matrix.Clients.Select(_ => ":---:|"))).Append('\n');
        foreach (var row in matrix.Rows)
        {
            md.Append("| ").Append(MarkdownText.Cell(row.Factor)).Append(" | ").Append(MarkdownText.Cell(row.Flow)).Append(" | ")
                .Append(MarkdownText.Cell(row.Scenario)).Append(" |");
            foreach (var client in matrix.Clients)
            {
                var test = matrix.Cell(row.Key, client);
                md.Append(' ').Append(test is null ? "" : OutcomeSymbols.Cell(test.Outcome)).Append(" |");
            }

            md.Append('\n');
        }

        md.Append("\nBy factor: ").Append(string.Join(" · ", matrix.FactorTotals.Select(f =>
            $"{f.Factor} {f.Passed}/{f.Tests} passed" + (f.Failed > 0 ? $", {f.Failed} failed" : "") + (f.NotApplicable > 0 ? $", {f.NotApplicable} n.a." : "")))).Append('\n');
        md.Append('\n');
    }

    private static void AppendChecks(StringBuilder md, RunResult result)
    {
        var checks = result.Tests.SelectMany(t => t.Checks).ToList();
        if (checks.Count > 0)
        {
            md.Append("Checks: ").Append(checks.Count).Append(" evaluations of ").Append(checks.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count())
                .Append(" checks: ").Append(checks.Count(c => c.Outcome == Evidence.CheckOutcome.Passed)).Append(" passed, ")
                .Append(checks.Count(c => c.Outcome == Evidence.CheckOutcome.Failed)).Append(" failed, ")
                .Append(checks.Count(c => c.Outcome == Evidence.CheckOutcome.Warned)).Append(" warned.\n\n");
        }

        if (result.FieldCoverage is not { } coverage)
        {
            return;
        }

        md.Append("### Field coverage\n\n");
        md.Append(string.Join(", ", Enum.GetValues<Coverage.FieldStatus>().Select(s => coverage.Count(r => r.Status == s) + " " + Html.HtmlCheckRenderer.Wire(s))))
            .Append(" of ").Append(coverage.Count).Append(" documented fields.\n\n");
        var notable = coverage.Where(r => r.Status is Coverage.FieldStatus.Gap or Coverage.FieldStatus.Failed or Coverage.FieldStatus.NotRun).ToList();
        if (notable.Count == 0)
        {
            md.Append("No gap: every documented field is read by a check that passed, or exempt with its reason (index.html lists them).\n\n");
            return;
        }

        md.Append("| field | status | checks | reason |\n|---|---|---|---|\n");
        foreach (var row in notable)
        {
            md.Append("| `").Append(row.Field).Append("` | ").Append(Html.HtmlCheckRenderer.Wire(row.Status)).Append(" | ")
                .Append(MarkdownText.Cell(string.Join(", ", row.Checks))).Append(" | ").Append(MarkdownText.Cell(row.Reason ?? string.Empty)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendFailures(StringBuilder md, IReadOnlyList<TestResult> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        md.Append("### Failures (").Append(failures.Count).Append(")\n\n");
        foreach (var test in failures)
        {
            md.Append("#### ").Append(MarkdownText.Cell(test.Id)).Append("\n\n");
            if (test.Summary is not null)
            {
                md.Append(MarkdownText.Cell(test.Summary)).Append("\n\n");
            }

            md.Append(MarkdownText.CodeBlock(test.Message ?? test.BaselineNote ?? "(no message)")).Append('\n');
            if (test.BaselineNote is not null && test.BaselineNote != test.Message)
            {
                md.Append("Baseline: ").Append(MarkdownText.Cell(test.BaselineNote)).Append("\n\n");
            }

            if (test.EvidenceDirectory is not null)
            {
                md.Append("Evidence: `").Append(test.EvidenceDirectory).Append("/`\n\n");
            }
        }
    }

    private static void AppendExpected(StringBuilder md, IReadOnlyList<TestResult> expected)
    {
        if (expected.Count == 0)
        {
            return;
        }

        md.Append("### Expected failures (baseline)\n\n");
        foreach (var test in expected)
        {
            md.Append("- `").Append(test.Id).Append("`: ").Append(MarkdownText.Cell(test.BaselineNote ?? "")).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendBaselineNotes(StringBuilder md, RunMetadata run)
    {
        var unused = run.Notes.Where(n => n.Key.StartsWith(Baselines.BaselineApplier.UnusedNotePrefix, StringComparison.Ordinal)).ToList();
        if (unused.Count == 0)
        {
            return;
        }

        md.Append("### Unused baseline entries\n\n");
        foreach (var note in unused)
        {
            md.Append("- `").Append(note.Key[Baselines.BaselineApplier.UnusedNotePrefix.Length..]).Append("`: ")
                .Append(MarkdownText.Cell(note.Value)).Append('\n');
        }

        md.Append('\n');
    }
}
