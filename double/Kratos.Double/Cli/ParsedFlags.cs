namespace Kratos.Double.Cli;

/// <summary>The flags set on a command line (by long name) and its positional arguments.</summary>
internal sealed class ParsedFlags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Bool(string name) => _values.TryGetValue(name, out var v) && v.Count > 0 && v[^1] == "true";

    /// <summary>Every value of a string slice flag, comma lists split (pflag stringSlice reads CSV).</summary>
    public IReadOnlyList<string> Strings(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public void Set(FlagSpec flag, string value)
    {
        switch (flag.Kind)
        {
            case FlagKind.Bool:
                var parsed = value switch
                {
                    "1" or "t" or "T" or "true" or "TRUE" or "True" => "true",
                    "0" or "f" or "F" or "false" or "FALSE" or "False" => "false",
                    _ => throw new CliUsageException(
                        $"invalid argument \"{value}\" for \"{Display(flag)}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax"),
                };
                _values[flag.Name] = [parsed];
                break;
            case FlagKind.StringSlice:
                if (!_values.TryGetValue(flag.Name, out var list))
                {
                    _values[flag.Name] = list = [];
                }

                list.AddRange(value.Split(',', StringSplitOptions.TrimEntries));
                break;
            default:
                _values[flag.Name] = [value];
                break;
        }
    }

    private static string Display(FlagSpec flag) => flag.Shorthand is { } c ? $"-{c}, --{flag.Name}" : "--" + flag.Name;
}
