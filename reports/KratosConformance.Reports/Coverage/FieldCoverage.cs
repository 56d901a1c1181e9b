using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Coverage;

/// <summary>
/// The field-coverage table of one run: each documented field with the checks that read it and how they ended in
/// this run (from the check steps in the evidence), or its exemption, or a gap. A field a check declares but the
/// table does not list is a gap too: the table is the one place that says what the suites read.
/// </summary>
public static class FieldCoverage
{
    public static IReadOnlyList<FieldCoverageRow> Compute(FieldCoverageTable table, IEnumerable<TestResult> tests)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(tests);
        var evaluations = tests.SelectMany(t => t.Checks).ToList();
        var rows = new List<FieldCoverageRow>();
        foreach (var entry in table.Entries)
        {
            if (entry.Checks.Count == 0)
            {
                rows.Add(new FieldCoverageRow
                {
                    Field = entry.Field,
                    Status = entry.Exemption is null ? FieldStatus.Gap : FieldStatus.Exempt,
                    Reason = entry.Exemption ?? "documented, but no check reads it and no exemption names it",
                });
                continue;
            }

            var reading = evaluations.Where(e => e.Fields.Contains(entry.Field, StringComparer.Ordinal)).ToList();
            rows.Add(new FieldCoverageRow
            {
                Field = entry.Field,
                Checks = entry.Checks,
                Evaluations = reading.Count,
                Status = reading.Count == 0 ? FieldStatus.NotRun
                    : reading.Any(e => e.Outcome == CheckOutcome.Failed) ? FieldStatus.Failed
                    : FieldStatus.Verified,
            });
        }

        var listed = table.Entries.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var unlisted in evaluations.SelectMany(e => e.Fields.Select(f => (Field: f, e.Id))).Where(f => !listed.Contains(f.Field))
                     .GroupBy(f => f.Field, StringComparer.Ordinal))
        {
            rows.Add(new FieldCoverageRow
            {
                Field = unlisted.Key,
                Status = FieldStatus.Gap,
                Checks = unlisted.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList(),
                Evaluations = unlisted.Count(),
                Reason = "read by a check but missing from " + FieldCoverageTable.FileName,
            });
        }

        return rows;
    }
}
