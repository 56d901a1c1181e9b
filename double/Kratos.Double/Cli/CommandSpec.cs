namespace Kratos.Double.Cli;

/// <summary>
/// A cobra command as Kratos declares it: name, use line, short text, local and persistent flags, children.
/// <see cref="Emulated"/> is false for commands real Kratos has and the double does not run (they still parse).
/// </summary>
internal sealed class CommandSpec
{
    public required string Name { get; init; }
    public string? Use { get; init; }
    public string Short { get; init; } = string.Empty;
    public string? Deprecated { get; init; }
    public bool Runnable { get; init; }
    public bool Emulated { get; init; } = true;
    public bool Hidden { get; init; }
    /// <summary>cobra.RangeArgs(0, n) when set; null means cobra's legacy argument check.</summary>
    public int? MaxArgs { get; init; }
    public List<FlagSpec> Flags { get; } = [];
    public List<FlagSpec> PersistentFlags { get; } = [];
    public List<CommandSpec> Children { get; } = [];
    public CommandSpec? Parent { get; private set; }

    public string CommandPath => Parent is null ? Name : Parent.CommandPath + " " + Name;

    public CommandSpec Add(params CommandSpec[] children)
    {
        foreach (var child in children)
        {
            child.Parent = this;
            Children.Add(child);
        }

        return this;
    }

    /// <summary>Local flags (own and own persistent) plus the persistent flags of every parent, plus --help.</summary>
    public IReadOnlyList<FlagSpec> AllFlags() => [.. LocalFlags(), .. InheritedFlags()];

    public IReadOnlyList<FlagSpec> LocalFlags() =>
        [.. Flags, .. PersistentFlags, new FlagSpec("help", 'h', FlagKind.Bool, "help for " + Name)];

    public IReadOnlyList<FlagSpec> InheritedFlags()
    {
        var own = Flags.Concat(PersistentFlags).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<FlagSpec>();
        for (var p = Parent; p is not null; p = p.Parent)
        {
            result.AddRange(p.PersistentFlags.Where(f => !own.Contains(f.Name) && result.All(r => r.Name != f.Name)));
        }

        return result;
    }

    public CommandSpec? Child(string name) => Children.FirstOrDefault(c => c.Name == name);
}
