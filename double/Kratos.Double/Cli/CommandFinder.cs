namespace Kratos.Double.Cli;

/// <summary>
/// cobra's Command.Find (command.go, args.go): walks the tree by the first non-flag argument at each level, skipping
/// the value of a flag the current level does not know to be boolean, then applies legacyArgs (the root refuses an
/// unknown command, with "Did you mean this?" suggestions by Levenshtein distance ≤ 2 or prefix).
/// </summary>
internal static class CommandFinder
{
    public static (CommandSpec Command, List<string> Args) Find(CommandSpec root, IReadOnlyList<string> args)
    {
        var command = root;
        var inner = args.ToList();
        while (true)
        {
            var withoutFlags = StripFlags(inner, command);
            if (withoutFlags.Count == 0 || command.Child(withoutFlags[0]) is not { } next)
            {
                break;
            }

            inner = MinusFirst(inner, withoutFlags[0], command);
            command = next;
        }

        if (command.MaxArgs is null && command.Parent is null && command.Children.Count > 0 && StripFlags(inner, command) is [var unknown, ..])
        {
            throw new CliUsageException($"unknown command \"{unknown}\" for \"{command.CommandPath}\"{Suggestions(command, unknown)}");
        }

        return (command, inner);
    }

    private static List<string> StripFlags(List<string> args, CommandSpec command)
    {
        var flags = command.AllFlags();
        var commands = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var s = args[i];
            if (s == "--")
            {
                break;
            }

            if (TakesValue(s, flags))
            {
                if (args.Count - i - 1 <= 1)
                {
                    break;
                }

                i++;
                continue;
            }

            if (s.Length > 0 && !s.StartsWith('-'))
            {
                commands.Add(s);
            }
        }

        return commands;
    }

    private static List<string> MinusFirst(List<string> args, string x, CommandSpec command)
    {
        var flags = command.AllFlags();
        for (var pos = 0; pos < args.Count; pos++)
        {
            var s = args[pos];
            if (s == "--")
            {
                break;
            }

            if (TakesValue(s, flags))
            {
                pos++;
                continue;
            }

            if (!s.StartsWith('-') && s == x)
            {
                var result = new List<string>(args);
                result.RemoveAt(pos);
                return result;
            }
        }

        return args;
    }

    /// <summary>"--flag" or "-f" without "=", for a flag this level does not know as boolean.</summary>
    private static bool TakesValue(string s, IReadOnlyList<FlagSpec> flags)
    {
        if (s.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            return flags.FirstOrDefault(f => f.Name == s[2..]) is not { Kind: FlagKind.Bool };
        }

        return s.Length == 2 && s[0] == '-' && flags.FirstOrDefault(f => f.Shorthand == s[1]) is not { Kind: FlagKind.Bool };
    }

    private static string Suggestions(CommandSpec root, string typed)
    {
        var names = root.Children.Where(c => !c.Hidden)
            .Where(c => Distance(typed.ToLowerInvariant(), c.Name.ToLowerInvariant()) <= 2 || c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Name).ToList();
        return names.Count == 0 ? string.Empty : "\n\nDid you mean this?\n" + string.Concat(names.Select(n => "\t" + n + "\n"));
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
