using System.CommandLine;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// One message for a command line System.CommandLine refused: the first problem, and for an unknown option or command
/// the valid ones, then where the help is. Never the whole help text, never N copies.
/// </summary>
public static class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "kc" : "kc " + command.Name;
        var help = command is RootCommand ? "./kc --help" : $"./kc {command.Name} --help";
        // An option that swallowed the next option explains an "unrecognized" leftover value: say that first.
        // An option's own problem first (it explains a rule about combinations), unrecognized leftovers last.
        var first = parse.Errors.OrderBy(Rank).Select(e => e.Message).FirstOrDefault()
            ?? "the command line could not be read.";
        if (command is RootCommand && parse.UnmatchedTokens.Count > 0)
        {
            first = $"unknown command '{parse.UnmatchedTokens[0]}'.";
        }

        var text = $"{name}: error: {first.Replace("\n\t", " ", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal)}";
        if (parse.UnmatchedTokens.Count > 0 || first.StartsWith("Unrecognized", StringComparison.Ordinal) || first.StartsWith("Required command", StringComparison.Ordinal))
        {
            text += command is RootCommand
                ? $" Valid commands: {string.Join(", ", KcCommandLine.CommandNames)}."
                : ValidOptions(command);
        }

        return text + $" ({help})";
    }

    private static int Rank(System.CommandLine.Parsing.ParseError error) =>
        error.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 2 : error.SymbolResult is System.CommandLine.Parsing.OptionResult ? 0 : 1;

    private static string ValidOptions(Command command)
    {
        var options = command.Options.Where(o => !o.Hidden && o.Name is not ("--help")).Select(o => o.Name).ToList();
        return options.Count == 0 ? $" kc {command.Name} takes no options." : $" Valid options: {string.Join(", ", options)}.";
    }
}
