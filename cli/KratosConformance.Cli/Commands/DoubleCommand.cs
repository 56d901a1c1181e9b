using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc double: runs the reference Kratos double with the kratos binary's own arguments (serve -c …, version,
/// deviations), in the foreground, as its own process; SIGINT and SIGTERM sent to kc are passed on to it, so a
/// supervisor can stop it, and kc exits with the double's exit code.
/// </summary>
public static class DoubleCommand
{
    public static Command Create(CommandContext context)
    {
        var arguments = new Argument<string[]>("kratos-arguments")
        {
            Description = "What the kratos binary takes: serve -c kratos.yml [--dev] [--watch-courier] [--emulate v25.4.0] | deviations | version.",
            Arity = ArgumentArity.OneOrMore,
            CaptureRemainingTokens = true,
        };
        var command = new Command("double", "Run the reference Kratos double locally with the kratos binary's arguments. Environment: KRATOS_DOUBLE_EMULATE, KRATOS_DOUBLE_DEVIATIONS and Kratos's own overrides (DSN, SERVE_PUBLIC_BASE_URL, …).");
        command.Arguments.Add(arguments);
        command.SetAction(parse => Run(parse.GetValue(arguments) ?? [], context));
        return command;
    }

    private static int Run(IReadOnlyList<string> args, CommandContext context)
    {
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
        if (context.Signals is { } signals)
        {
            // The double stops itself on SIGINT/SIGTERM; kc waits for it instead of ending first.
            signals.Grace = KratosConformance.Client.Waiting.Patience.Default.For("the double's stop after a signal", TimeSpan.FromSeconds(10));
        }

        using var forward = context.Token.Register(() => Forward(process, context.Signals?.Received?.Signal ?? PosixSignal.SIGINT));
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Forward(Process process, PosixSignal signal)
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, signal == PosixSignal.SIGTERM ? 15 : 2);
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project avoids.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
