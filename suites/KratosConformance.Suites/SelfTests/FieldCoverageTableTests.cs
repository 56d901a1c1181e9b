using System.Text.Json.Nodes;
using KratosConformance.Harness.Paths;
using KratosConformance.Reports.Coverage;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Coverage;

namespace KratosConformance.Suites.SelfTests;

/// <summary>
/// The field-coverage table (Coverage/field-coverage.tsv) has no unexplained gap: every property of the response
/// schemas in Kratos's OpenAPI document (fixtures/reference/kratos-v26.2.0/openapi.json) and every wire field is a row;
/// each row names exactly the checks that declare they read it, or, read by none, the reason it is unchecked; and
/// every field a check declares is a row. A failure prints the lines to write.
/// </summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class FieldCoverageTableTests
{
    private static FieldCoverageTable Table() =>
        FieldCoverageTable.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.RequireRoot(), "suites", "KratosConformance.Suites", "Coverage", FieldCoverageTable.FileName)));

    [Test]
    public void Every_documented_field_is_a_row()
    {
        var listed = Table().Entries.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var missing = DocumentedFields().Where(f => !listed.Contains(f)).ToList();
        Assert.That(missing, Is.Empty, "documented fields missing from field-coverage.tsv (each is a gap until a check reads it or an exemption names it):\n" + Lines(missing));
    }

    [Test]
    public void Every_row_is_a_documented_field_or_a_field_a_check_reads()
    {
        var known = DocumentedFields().Concat(CheckCatalog.Readers.Keys).ToHashSet(StringComparer.Ordinal);
        var unknown = Table().Entries.Where(e => !known.Contains(e.Field)).Select(e => e.Field).ToList();
        Assert.That(unknown, Is.Empty, "rows of field-coverage.tsv that are neither documented nor read by a check (remove them)");
    }

    [Test]
    public void Every_field_a_check_reads_is_a_row()
    {
        var listed = Table().Entries.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var missing = CheckCatalog.Readers.Keys.Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal).ToList();
        Assert.That(missing, Is.Empty, "fields declared by checks but missing from field-coverage.tsv:\n" + Lines(missing));
    }

    [Test]
    public void Each_row_names_the_checks_that_read_it_or_why_none_does()
    {
        var wrong = new List<string>();
        foreach (var entry in Table().Entries)
        {
            var readers = CheckCatalog.Readers.TryGetValue(entry.Field, out var r) ? r : [];
            if (!readers.SequenceEqual(entry.Checks))
            {
                wrong.Add($"{entry.Field}\t{(readers.Count == 0 ? "-" : string.Join(",", readers))}\t{(readers.Count == 0 ? entry.Exemption ?? "<reason>" : string.Empty)}   (the table says: {(entry.Checks.Count == 0 ? "-" : string.Join(",", entry.Checks))})");
            }
            else if (readers.Count == 0 && string.IsNullOrWhiteSpace(entry.Exemption))
            {
                wrong.Add($"{entry.Field}\t-\t<the reason it is deliberately unchecked>   (no check reads it and no exemption names it: a gap)");
            }
            else if (readers.Count > 0 && entry.Exemption is not null)
            {
                wrong.Add($"{entry.Field}\t{string.Join(",", readers)}\t   (checked: drop the exemption \"{entry.Exemption}\")");
            }
        }

        Assert.That(wrong, Is.Empty, "rows of field-coverage.tsv to correct:\n" + string.Join("\n", wrong));
    }

    [Test]
    public void Check_ids_are_unique_and_stable_in_shape()
    {
        var ids = CheckCatalog.All.Select(d => d.Id).ToList();
        Assert.That(ids, Is.Unique, "two checks share an id");
        Assert.That(ids.Where(id => !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9_]+(\\.[a-z0-9_-]+)+$")), Is.Empty, "check ids are dotted lower-case words (results.schema.json)");
    }

    private static IReadOnlyList<string> DocumentedFields()
    {
        var path = Path.Combine(RepositoryLayout.RequireRoot(), "fixtures", "reference", "kratos-v26.2.0", "openapi.json");
        if (!File.Exists(path))
        {
            Assert.Fail($"Kratos reference file {path} is missing. It is part of the repository (fixtures/reference, see its NOTICE); restore it with 'git checkout -- fixtures/reference'.");
        }

        var schemas = JsonNode.Parse(File.ReadAllText(path))!["components"]!["schemas"]!.AsObject();
        var fields = new List<string>();
        foreach (var name in ResponseFields.Schemas)
        {
            var properties = schemas[name]?["properties"] as JsonObject
                ?? throw new AssertionException($"schema {name} has no properties in {path}");
            fields.AddRange(properties.Select(p => name + "." + p.Key));
        }

        fields.AddRange(ResponseFields.Wire);
        return fields.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Lines(IEnumerable<string> fields) =>
        string.Join("\n", fields.Select(f => f + "\t" + (CheckCatalog.Readers.TryGetValue(f, out var r) ? string.Join(",", r) + "\t" : "-\t<reason>")));
}
