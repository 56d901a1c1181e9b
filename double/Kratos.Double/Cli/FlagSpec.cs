namespace Kratos.Double.Cli;

/// <summary>A pflag flag: bool flags take no value (NoOptDefVal "true"), strings slices accumulate comma lists.</summary>
internal sealed record FlagSpec(string Name, char? Shorthand, FlagKind Kind, string Usage)
{
    public string TypeName => Kind switch { FlagKind.Bool => string.Empty, FlagKind.StringSlice => "strings", _ => "string" };
}
