using System.Text;

namespace KratosConformance.Cli.Options;

/// <summary>
/// A small, strict parser: every unknown option or bad value is an error that names the option and the valid values,
/// so a typo in a CI pipeline fails in a second instead of running the wrong thing for minutes.
/// </summary>
public sealed class OptionParser
{
    private readonly string _command;
    private readonly string _usage;
    private readonly IReadOnlyList<OptionSpec> _specs;

    public OptionParser(string command, string usage, IReadOnlyList<OptionSpec> specs)
    {
        _command = command;
        _usage = usage;
        _specs = specs;
    }

    public ParsedOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--help")
            {
                parsed.Add("help", "true");
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            var spec = _specs.FirstOrDefault(s => s.Name == name)
                ?? throw new CliException($"kc {_command}: unknown option --{name}. Valid options: {string.Join(", ", _specs.Select(s => "--" + s.Name))} (./kc {_command} --help).");
            if (spec.IsFlag)
            {
                parsed.Add(name, "true");
                continue;
            }

            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new CliException($"kc {_command}: --{name} needs a value ({spec.ValueName}).");
            }

            if (spec.ValidValues is { } valid && !valid.Contains(value, StringComparer.Ordinal))
            {
                throw new CliException($"kc {_command}: --{name} '{value}' is not valid. Valid values: {string.Join(", ", valid)}.");
            }

            if (!spec.Repeatable && parsed.Has(name))
            {
                throw new CliException($"kc {_command}: --{name} was given twice.");
            }

            parsed.Add(name, value);
        }

        return parsed;
    }

    public string Help()
    {
        var text = new StringBuilder();
        text.AppendLine(_usage).AppendLine().AppendLine("Options:");
        var width = _specs.Max(s => s.Name.Length + (s.ValueName?.Length + 1 ?? 0)) + 4;
        foreach (var spec in _specs)
        {
            var head = "--" + spec.Name + (spec.ValueName is null ? string.Empty : " " + spec.ValueName);
            var help = spec.Help + (spec.ValidValues is { } v ? $" [{string.Join("|", v)}]" : string.Empty);
            text.Append("  ").Append(head.PadRight(width)).AppendLine(help);
        }

        text.Append("  ").Append("--help".PadRight(width)).AppendLine("Show this help.");
        return text.ToString();
    }
}
