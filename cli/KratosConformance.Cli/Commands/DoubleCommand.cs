using System.CommandLine;
using Kratos.Double;
using Kratos.Double.Cli;
using KratosConformance.Cli.Errors;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc double: the reference Kratos double with the kratos binary's own command line (serve -c …, migrate sql,
/// version), served in this process, so the SIGTERM or SIGINT kc receives reaches the server and kc exits with the
/// double's own exit code. Its own additions: --emulate &lt;version&gt; (translated to the double's
/// KRATOS_DOUBLE_EMULATE knob, which real Kratos has no flag for) and `deviations`.
/// </summary>
public static class DoubleCommand
{
    public static Command Create(CommandContext context)
    {
        var arguments = new Argument<string[]>("kratos-arguments")
        {
            Description = "What the kratos binary takes: serve -c kratos.yml [--dev] [--watch-courier] [--emulate v25.4.0] | migrate sql -e --yes -c kratos.yml | version | deviations.",
            Arity = ArgumentArity.OneOrMore,
            CaptureRemainingTokens = true,
        };
        var command = new Command("double", "Run the reference Kratos double in the foreground with the kratos binary's arguments; it stops on SIGTERM or Ctrl-C. Environment: KRATOS_DOUBLE_EMULATE, KRATOS_DOUBLE_DEVIATIONS and Kratos's own overrides (DSN, SERVE_PUBLIC_BASE_URL, …).");
        command.Arguments.Add(arguments);
        command.SetAction(parse => Run(parse.GetValue(arguments) ?? [], context));
        return command;
    }

    private static int Run(IReadOnlyList<string> args, CommandContext context)
    {
        if (args.Count > 0 && args[0] == "deviations")
        {
            foreach (var (name, description) in Deviations.All)
            {
                context.Out.WriteLine($"{name}: {description}");
            }

            return 0;
        }

        if (context.Signals is { } signals)
        {
            // The double stops itself on SIGINT/SIGTERM (its own handlers in this process); kc waits for it and ends
            // with the double's exit code, as `kratos serve` would. The double's options are Kratos's, so its patience
            // comes from KC_PATIENCE only (default 1).
            signals.SignalIsNormalStop = true;
            var patience = Client.Waiting.Patience.TryParse(Environment.GetEnvironmentVariable(Client.Waiting.Patience.Variable)) ?? Client.Waiting.Patience.Default;
            signals.Grace = patience.For("the double's stop after a signal", TimeSpan.FromSeconds(10));
        }

        var (rest, emulate) = TakeEmulate(args);
        var options = new KratosDoubleOptions();
        if (emulate is not null)
        {
            options.Emulate = emulate;
        }

        return KratosDoubleCli.RunAsync(rest, options).GetAwaiter().GetResult();
    }

    private static (List<string> Remaining, string? Emulate) TakeEmulate(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        string? emulate = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--emulate")
            {
                emulate = i + 1 < args.Count ? args[++i] : throw new CliException("--emulate needs a version, e.g. --emulate v25.4.0.");
            }
            else if (args[i].StartsWith("--emulate=", StringComparison.Ordinal))
            {
                emulate = args[i]["--emulate=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (rest, emulate);
    }
}
