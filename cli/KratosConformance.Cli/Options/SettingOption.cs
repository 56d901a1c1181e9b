using System.CommandLine;
using System.CommandLine.Parsing;

namespace KratosConformance.Cli.Options;

/// <summary>
/// One row of the option ↔ setting table: a command-line option and the KC_* variable of
/// <see cref="Harness.Targets.HarnessVariables"/> it sets. The value is handed to the harness's own reader, so the CLI
/// and a plain <c>dotnet test</c> with KC_* variables accept and refuse exactly the same values.
/// </summary>
/// <param name="Option">The option as System.CommandLine parses it.</param>
/// <param name="Variable">The KC_* name it sets, e.g. KC_PUBLIC_URL.</param>
/// <param name="IsFile">The value names a file that must exist; the setting gets its full path.</param>
public sealed record SettingOption(Option Option, string Variable, bool IsFile = false)
{
    public string Name => Option.Name;

    /// <summary>The variable's value from a parse: the option's text, a full path, or "true" for a flag; null when absent.</summary>
    public string? ValueIn(ParseResult parse) => ValueIn(parse?.CommandResult ?? throw new ArgumentNullException(nameof(parse)));

    /// <summary>The same, from inside a command's validator.</summary>
    public string? ValueIn(SymbolResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // Absent, or present without a usable value (its own error says so): no setting.
        if (parse.GetResult(Option) is not { Implicit: false } result || result.Errors.Any() || (result.Tokens.Count == 0 && Option is not Option<bool>))
        {
            return null;
        }

        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        return Option switch
        {
            Option<bool> => text is null || bool.TryParse(text, out var on) && on ? "true" : null,
            Option<string> when IsFile => text is null ? null : Path.GetFullPath(text),
            Option<string> => text,
            _ => throw new InvalidOperationException($"{Name}: a setting option takes one text value or is a flag."),
        };
    }
}
