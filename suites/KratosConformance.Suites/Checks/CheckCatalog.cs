using System.Reflection;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Every check the suites define: the public static <see cref="CheckDefinition"/> fields of this assembly, declared
/// beside the code that evaluates them. The field-coverage table and the docs are checked against this list.
/// </summary>
public static class CheckCatalog
{
    public static IReadOnlyList<CheckDefinition> All { get; } = typeof(CheckCatalog).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(CheckDefinition))
        .Select(f => (CheckDefinition)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>field → the ids of the checks that read it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Readers { get; } = All
        .SelectMany(d => d.Fields.Select(f => (Field: f, d.Id)))
        .GroupBy(x => x.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
