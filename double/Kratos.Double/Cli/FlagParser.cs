namespace Kratos.Double.Cli;

/// <summary>
/// spf13/pflag's parse (flag.go parseArgs, parseLongArg, parseSingleShortArg) over a command's flags, with its error
/// texts: flags and positional arguments may be interspersed, "--" ends the flags, bool flags take no value but accept
/// --dev=false, a missing value or an unknown flag is an error.
/// </summary>
internal static class FlagParser
{
    public static ParsedFlags Parse(IReadOnlyList<FlagSpec> flags, IReadOnlyList<string> input)
    {
        var result = new ParsedFlags();
        var args = new Queue<string>(input);
        while (args.TryDequeue(out var s))
        {
            if (s.Length < 2 || s[0] != '-')
            {
                result.Positional.Add(s);
                continue;
            }

            if (s[1] == '-')
            {
                if (s.Length == 2)
                {
                    result.Positional.AddRange(args);
                    break;
                }

                ParseLong(flags, s, args, result);
            }
            else
            {
                var shorthands = s[1..];
                while (shorthands.Length > 0)
                {
                    shorthands = ParseShort(flags, shorthands, args, result);
                }
            }
        }

        return result;
    }

    private static void ParseLong(IReadOnlyList<FlagSpec> flags, string s, Queue<string> args, ParsedFlags result)
    {
        var name = s[2..];
        if (name.Length == 0 || name[0] is '-' or '=')
        {
            throw new CliUsageException($"bad flag syntax: {s}");
        }

        var split = name.Split('=', 2);
        var flag = flags.FirstOrDefault(f => f.Name == split[0]) ?? throw new CliUsageException($"unknown flag: --{split[0]}");
        string value;
        if (split.Length == 2)
        {
            value = split[1];
        }
        else if (flag.Kind == FlagKind.Bool)
        {
            value = "true";
        }
        else if (args.TryDequeue(out var next))
        {
            value = next;
        }
        else
        {
            throw new CliUsageException($"flag needs an argument: --{split[0]}");
        }

        result.Set(flag, value);
    }

    private static string ParseShort(IReadOnlyList<FlagSpec> flags, string shorthands, Queue<string> args, ParsedFlags result)
    {
        var c = shorthands[0];
        var flag = flags.FirstOrDefault(f => f.Shorthand == c)
            ?? throw new CliUsageException($"unknown shorthand flag: '{c}' in -{shorthands}");
        if (shorthands.Length > 2 && shorthands[1] == '=')
        {
            result.Set(flag, shorthands[2..]);
            return string.Empty;
        }

        if (flag.Kind == FlagKind.Bool)
        {
            result.Set(flag, "true");
            return shorthands[1..];
        }

        if (shorthands.Length > 1)
        {
            result.Set(flag, shorthands[1..]);
            return string.Empty;
        }

        if (!args.TryDequeue(out var value))
        {
            throw new CliUsageException($"flag needs an argument: '{c}' in -{shorthands}");
        }

        result.Set(flag, value);
        return string.Empty;
    }
}
