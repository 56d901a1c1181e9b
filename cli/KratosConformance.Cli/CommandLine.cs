using KratosConformance.Cli.Commands;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli;

/// <summary>
/// Dispatches kc's sub-commands. User errors (bad options, missing files, Docker problems) end as one line naming the
/// cause and the fix with exit code 2 — never a stack trace.
/// </summary>
public static class CommandLine
{
    public const string Commands = "run, test, compare, bench, double, images";

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // Ctrl-C or a kill: remove the containers and networks this process started (the reaper is off here).
        KratosConformance.Containers.SessionCleanup.InstallHooks();
        var command = args.Length > 0 ? args[0] : "--help";
        var rest = args.Skip(1).ToArray();
        try
        {
            return command switch
            {
                "run" => RunCommand.Run(rest),
                "test" => TestCommand.Run(rest),
                "compare" => CompareCommand.Run(rest),
                "bench" => BenchCommand.Run(rest),
                "double" => DoubleCommand.Run(rest),
                "images" => ImagesCommand.Run(rest),
                "--help" or "-h" or "help" => Help(),
                _ => throw new CliException($"unknown command '{command}'. Valid commands: {Commands} (./kc --help)."),
            };
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine("kc: error: " + e.Message);
            return 2;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is CliException or HarnessSettingsException
        || e.GetType().Name is "DockerProblemException" or "BaselineException" or "MailAccessUriException" or "KratosContainerException";

    private static int Help()
    {
        Console.Out.WriteLine($"kc: conformance suite and harness for Ory Kratos code-MFA login. Commands: {Commands}. Each has --help.");
        return 0;
    }
}
