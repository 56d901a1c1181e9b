namespace KratosConformance.Cli.Options;

/// <summary>The options and positional arguments of one command line.</summary>
public sealed class ParsedOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int GetInt(string name, int fallback, int min, int max)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CliException($"--{name} '{text}' is not valid: give a whole number from {min} to {max}.");
        }

        return value;
    }
}
