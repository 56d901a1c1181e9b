using Kratos.Double;
using Kratos.Double.Cli;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc double: the reference Kratos double with the kratos binary's own command line (serve -c …, migrate sql,
/// version), served in this process so SIGTERM and SIGINT reach the server (kc execs into this process). Its own
/// additions: --emulate &lt;version&gt; (translated to the double's KRATOS_DOUBLE_EMULATE knob, which real Kratos
/// has no flag for) and `deviations`.
/// </summary>
public static class DoubleCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h")
        {
            Console.Out.WriteLine("""
                Usage: ./kc double <kratos arguments> [--emulate v26.2.0|v25.4.0|v1.3.1]

                Runs the reference Kratos double in the foreground with the arguments the kratos binary takes; it stops on
                SIGTERM or Ctrl-C:
                  ./kc double serve -c kratos.yml [--dev] [--watch-courier] [--emulate v25.4.0]
                  ./kc double migrate sql -e --yes -c kratos.yml     (dsn: sqlite:///path/db.sqlite?_fk=true)
                  ./kc double deviations        list the named misbehaviours (KRATOS_DOUBLE_DEVIATIONS=a,b)
                  ./kc double version
                Environment: KRATOS_DOUBLE_EMULATE, KRATOS_DOUBLE_DEVIATIONS and Kratos's own overrides (DSN, SERVE_PUBLIC_BASE_URL, …).
                """);
            return 0;
        }

        if (args[0] == "deviations")
        {
            foreach (var (name, description) in Deviations.All)
            {
                Console.Out.WriteLine($"{name}: {description}");
            }

            return 0;
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
