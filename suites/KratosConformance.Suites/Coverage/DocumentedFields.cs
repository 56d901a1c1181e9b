using KratosConformance.Reports.Coverage;

namespace KratosConformance.Suites.Coverage;

/// <summary>
/// The documented fields (the rows of field-coverage.tsv, which the self-tests keep equal to Kratos's OpenAPI
/// document), loaded once from beside the suites' assembly: the shape check compares every body against them.
/// </summary>
public static class DocumentedFields
{
    private static readonly Lazy<IReadOnlySet<string>> Loaded = new(() =>
    {
        // Beside this assembly, not the process's base directory: ./kc loads the suites from their own folder.
        var directory = Path.GetDirectoryName(typeof(DocumentedFields).Assembly.Location)!;
        var table = FieldCoverageTable.Load(directory)
            ?? throw new InvalidOperationException($"{FieldCoverageTable.FileName} is missing beside the suites' assembly in {directory}: rebuild the suites (it is copied from suites/KratosConformance.Suites/Coverage/).");
        return table.Entries.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
    });

    public static IReadOnlySet<string> All => Loaded.Value;
}
