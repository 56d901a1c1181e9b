using System.Text;

namespace Kratos.Double.Cli;

/// <summary>
/// cobra's help and usage output with oryx/cmdx's templates (cmdx/usage.go): the short text, "Usage:" with the use
/// line and "[command]", "Available Commands:" padded to the longest name (at least 11), "Flags:" and "Global Flags:"
/// aligned as pflag's FlagUsages does, and the closing "Use … --help" line.
/// </summary>
internal static class HelpText
{
    public static string Help(CommandSpec command) =>
        command.Short.TrimEnd() + "\n\n" + (command.Runnable || command.Children.Count > 0 ? Usage(command) : string.Empty);

    public static string Usage(CommandSpec command)
    {
        var text = new StringBuilder("Usage:");
        var available = command.Children.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (command.Runnable)
        {
            text.Append("\n  ").Append(UseLine(command));
        }

        if (available.Count > 0)
        {
            text.Append("\n  ").Append(command.CommandPath).Append(" [command]");
            var padding = Math.Max(11, available.Max(c => c.Name.Length));
            text.Append("\n\nAvailable Commands:");
            foreach (var c in available)
            {
                text.Append("\n  ").Append(c.Name.PadRight(padding)).Append(' ').Append(c.Short);
            }
        }

        text.Append("\n\nFlags:\n").Append(FlagUsages(command.LocalFlags()).TrimEnd());
        var inherited = command.InheritedFlags();
        if (inherited.Count > 0)
        {
            text.Append("\n\nGlobal Flags:\n").Append(FlagUsages(inherited).TrimEnd());
        }

        if (available.Count > 0)
        {
            text.Append("\n\nUse \"").Append(command.CommandPath).Append(" [command] --help\" for more information about a command.");
        }

        return text.Append('\n').ToString();
    }

    private static string UseLine(CommandSpec command)
    {
        var use = command.Use ?? command.Name;
        var path = command.Parent is null ? use : command.Parent.CommandPath + " " + use;
        return path.Contains("[flags]", StringComparison.Ordinal) ? path : path + " [flags]";
    }

    /// <summary>pflag FlagUsagesWrapped(0): flags sorted by name, descriptions aligned one column after the longest.</summary>
    private static string FlagUsages(IEnumerable<FlagSpec> flags)
    {
        var lines = flags.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (Head: (f.Shorthand is { } c ? $"  -{c}, --{f.Name}" : $"      --{f.Name}") + (f.TypeName.Length > 0 ? " " + f.TypeName : string.Empty), f.Usage))
            .ToList();
        var width = lines.Max(l => l.Head.Length) + 1;
        var text = new StringBuilder();
        foreach (var (head, usage) in lines)
        {
            text.Append(head).Append(' ').Append(new string(' ', width - head.Length)).Append(' ').Append(usage).Append('\n');
        }

        return text.ToString();
    }
}
