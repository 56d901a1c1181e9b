using System.Diagnostics;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc double: runs the reference Kratos double with the kratos binary's own arguments (serve -c …, version,
/// deviations), in the foreground, as its own process so Ctrl-C and the exit code behave as with Kratos.
/// </summary>
public static class DoubleCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h")
        {
            Console.Out.WriteLine("""
                Usage: ./kc double <kratos arguments>

                Runs the reference Kratos double locally, with the arguments the kratos binary takes:
                  ./kc double serve -c kratos.yml [--dev] [--watch-courier] [--emulate v25.4.0]
                  ./kc double deviations        list the named misbehaviours (KRATOS_DOUBLE_DEVIATIONS=a,b)
                  ./kc double version
                Environment: KRATOS_DOUBLE_EMULATE, KRATOS_DOUBLE_DEVIATIONS and Kratos's own overrides (DSN, SERVE_PUBLIC_BASE_URL, …).
                """);
            return 0;
        }

        var dll = Path.Combine(RepositoryLayout.RequireRoot(), "double", "Kratos.Double", "bin", "Debug", "net10.0", "kratos-double.dll");
        if (!File.Exists(dll))
        {
            throw new CliException($"the reference double is not built ({dll} is missing): run ./kc double again (it builds), or dotnet build KratosConformance.sln.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new CliException("could not start dotnet to run the double.");
        Console.CancelKeyPress += (_, e) => e.Cancel = true; // the double receives the same Ctrl-C and shuts down itself
        process.WaitForExit();
        return process.ExitCode;
    }
}
