namespace KratosConformance.Suites.Checks;

/// <summary>
/// One row of a node table in the spec (§2.6, §2.9): the (group, name, type) triple that identifies the node, and what
/// it must carry. Null members are not checked.
/// </summary>
public sealed record NodeExpectation(string Group, string Name, string Type)
{
    public string? Value { get; init; }
    public long? LabelId { get; init; }
    public bool? Required { get; init; }
    /// <summary>Keys and values the label's context must carry, e.g. address and channel of 1010023.</summary>
    public IReadOnlyDictionary<string, string> LabelContext { get; init; } = new Dictionary<string, string>();
    /// <summary>attributes.autocomplete: null = not checked, "" = must be absent, otherwise the value.</summary>
    public string? Autocomplete { get; init; }

    public string Triple => $"{Group}/{Name}/{Type}";

    public override string ToString()
    {
        var parts = new List<string> { Triple };
        if (Value is not null)
        {
            parts.Add($"value={Value}");
        }

        if (LabelId is not null)
        {
            parts.Add($"label={LabelId}");
        }

        if (Required is not null)
        {
            parts.Add($"required={(Required.Value ? "true" : "false")}");
        }

        parts.AddRange(LabelContext.Select(c => $"context.{c.Key}={c.Value}"));
        if (Autocomplete is not null)
        {
            parts.Add(Autocomplete.Length == 0 ? "no autocomplete" : $"autocomplete={Autocomplete}");
        }

        return string.Join(" ", parts);
    }
}
