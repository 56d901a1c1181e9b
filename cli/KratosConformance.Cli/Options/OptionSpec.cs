namespace KratosConformance.Cli.Options;

/// <summary>One command-line option: its name, the value it takes (null for a flag), valid values and help text.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help, IReadOnlyList<string>? ValidValues = null, bool Repeatable = false)
{
    public bool IsFlag => ValueName is null;
}
