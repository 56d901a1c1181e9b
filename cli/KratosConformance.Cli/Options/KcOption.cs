using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KratosConformance.Cli.Options;

/// <summary>
/// Builds kc's options on System.CommandLine with the two rules the library leaves to us: a value is never another
/// option (System.CommandLine takes the next token whatever it is, so <c>--out --no-browser</c> would make
/// "--no-browser" the folder), and numbers are checked against their range with a message that gives it.
/// </summary>
public static class KcOption
{
    /// <summary>An option that takes one value, optionally one of <paramref name="validValues"/> (listed in help and errors).</summary>
    public static Option<string> Value(string name, string valueName, string description, IReadOnlyList<string>? validValues = null)
    {
        // With valid values, help shows them (--mail <smtp4dev|mailpit|mailhog>) instead of a placeholder.
        var option = new Option<string>(name) { Description = description, HelpName = validValues is null ? valueName.Trim('<', '>') : string.Join('|', validValues) };
        if (validValues is not null)
        {
            option.AcceptOnlyFromAmong([.. validValues]);
        }

        option.Validators.Add(RefuseOptionAsValue);
        option.Validators.Add(RefuseRepeats);
        return option;
    }

    /// <summary>An option that may be given several times (<c>--only a --only b</c>), one value each time.</summary>
    public static Option<string[]> Repeatable(string name, string valueName, string description, IReadOnlyList<string>? validValues = null)
    {
        var option = new Option<string[]>(name) { Description = description, HelpName = validValues is null ? valueName.Trim('<', '>') : string.Join('|', validValues), AllowMultipleArgumentsPerToken = false };
        if (validValues is not null)
        {
            option.AcceptOnlyFromAmong([.. validValues]);
        }

        option.Validators.Add(RefuseOptionAsValue);
        return option;
    }

    /// <summary>A switch: present or not.</summary>
    public static Option<bool> Flag(string name, string description)
    {
        var option = new Option<bool>(name) { Description = description };
        option.Validators.Add(RefuseRepeats);
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static Option<int> Number(string name, string valueName, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = valueName.Trim('<', '>'),
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                {
                    return value;
                }

                result.AddError(text.StartsWith("--", StringComparison.Ordinal)
                    ? OptionAsValue(name, valueName.Trim('<', '>'), text)
                    : $"{name} '{text}' is not valid: give a whole number from {min} to {max}.");
                return fallback;
            },
        };
        option.Validators.Add(RefuseRepeats);
        return option;
    }

    /// <summary>The error for <c>--out --no-browser</c>: the option was given no value.</summary>
    public static string OptionAsValue(string name, string valueName, string token) =>
        $"{name} needs a value (<{valueName}>) but was followed by the option {token}: give the value right after {name}, e.g. {name} <{valueName}>.";

    /// <summary>An option that takes one value, given twice: which one was meant is a guess kc does not make.</summary>
    private static void RefuseRepeats(OptionResult result)
    {
        if (result.IdentifierTokenCount > 1 || result.Tokens.Count > 1)
        {
            result.AddError($"{result.Option.Name} was given {Math.Max(result.IdentifierTokenCount, result.Tokens.Count)} times; give it once.");
        }
    }

    private static void RefuseOptionAsValue(OptionResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
        {
            result.AddError(OptionAsValue(result.Option.Name, result.Option.HelpName ?? "value", token.Value));
        }
    }
}
