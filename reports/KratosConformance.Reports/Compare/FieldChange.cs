namespace KratosConformance.Reports.Compare;

/// <summary>
/// One compared field that differs between run A and run B at an aligned step: a value (status 400 → 200) or a set
/// (ui.messages −1010004 +1010014).
/// </summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public IReadOnlyList<string> Removed { get; init; } = [];
    public IReadOnlyList<string> Added { get; init; } = [];

    public bool IsSet => Removed.Count > 0 || Added.Count > 0;

    public static FieldChange Set(string field, IEnumerable<string> removed, IEnumerable<string> added) =>
        new(field, null, null) { Removed = removed.ToList(), Added = added.ToList() };

    /// <summary>"status: 400 → 200" or "nodes: −code/address/input +code/code/input".</summary>
    public string Describe()
    {
        if (!IsSet)
        {
            return $"{Field}: {Before ?? "(none)"} → {After ?? "(none)"}";
        }

        var parts = Removed.Select(r => "−" + r).Concat(Added.Select(a => "+" + a));
        return $"{Field}: {string.Join(" ", parts)}";
    }
}
