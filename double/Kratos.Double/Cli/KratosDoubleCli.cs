using Kratos.Double.Config;

namespace Kratos.Double.Cli;

/// <summary>
/// The double's command line, shaped like the kratos binary's (cmd/root.go on cobra): the same commands and flags,
/// cobra's refusals with its texts on stderr and exit code 1, help on stdout. The double's own knobs are not flags
/// (Kratos would refuse them): KRATOS_DOUBLE_EMULATE and KRATOS_DOUBLE_DEVIATIONS, or
/// <see cref="KratosDoubleOptions"/> for callers in-process.
/// </summary>
public static class KratosDoubleCli
{
    /// <summary>Runs one command line to its end (serve: until SIGTERM/SIGINT or <paramref name="cancellationToken"/>).</summary>
    /// <param name="args">Arguments after the program name, e.g. serve -c kratos.yml --dev.</param>
    /// <param name="defaults">Options the command line adds to (environment, emulated version, deviations).</param>
    /// <param name="cancellationToken">Stops serve like SIGTERM does.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, KratosDoubleOptions? defaults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = defaults ?? new KratosDoubleOptions();
        string version;
        try
        {
            version = Config.StartupChoices.Version(options.Settings());
        }
        catch (KratosDoubleConfigException e)
        {
            await Console.Error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        var root = KratosCommands.Build(version);
        CommandSpec command;
        List<string> rest;
        try
        {
            (command, rest) = CommandFinder.Find(root, args);
        }
        catch (CliUsageException e)
        {
            // cobra ExecuteC: "Error: …" and "Run '… --help' for usage."; then cmd/root.go Execute prints the error again.
            await Console.Error.WriteAsync($"Error: {e.Message}\nRun '{root.CommandPath} --help' for usage.\n{e.Message}\n").ConfigureAwait(false);
            return 1;
        }

        if (command.Deprecated is { } deprecated)
        {
            await Console.Error.WriteLineAsync($"Command \"{command.Name}\" is deprecated, {deprecated}").ConfigureAwait(false);
        }

        try
        {
            var flags = FlagParser.Parse(command.AllFlags(), rest);
            if (flags.Bool("help") || !command.Runnable)
            {
                await Console.Out.WriteAsync(HelpText.Help(command)).ConfigureAwait(false);
                return 0;
            }

            if (command.MaxArgs is { } max && flags.Positional.Count > max)
            {
                throw new CliUsageException($"accepts between 0 and {max} arg(s), received {flags.Positional.Count}");
            }

            return await DispatchAsync(root, command, flags, options, version, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await FailAsync(command, e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Never a stack trace: whatever went wrong ends like a failed RunE.
            await FailAsync(command, e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>A RunE error as cobra reports it: "Error: …", the usage, then cmd/root.go's own line.</summary>
    internal static async Task FailAsync(CommandSpec command, string message)
    {
        await Console.Error.WriteAsync($"Error: {message}\n{HelpText.Usage(command)}\n{message}\n").ConfigureAwait(false);
    }

    private static async Task<int> DispatchAsync(
        CommandSpec root, CommandSpec command, ParsedFlags flags, KratosDoubleOptions options, string version, CancellationToken cancellationToken)
    {
        switch (command.CommandPath)
        {
            case "kratos serve":
                return await ServeCommand.RunAsync(command, flags, options, cancellationToken).ConfigureAwait(false);
            case "kratos migrate sql" or "kratos migrate sql up" or "kratos migrate sql status":
                return await MigrateCommand.RunAsync(command, flags, options, version, cancellationToken).ConfigureAwait(false);
            case "kratos version":
                // cmdx.Version: tabs as Kratos prints them; the double has no build commit or timestamp of Kratos.
                await Console.Out.WriteAsync($"Version:\t\t\t{version}\nBuild Commit:\tkratos-double\n").ConfigureAwait(false);
                await Console.Error.WriteLineAsync("Unable to determine build timestamp because the build process did not properly configure it.").ConfigureAwait(false);
                return 0;
            case "kratos help":
                var (topic, _) = flags.Positional.Count == 0 ? (root, new List<string>()) : CommandFinder.Find(root, flags.Positional);
                await Console.Out.WriteAsync(HelpText.Help(topic)).ConfigureAwait(false);
                return 0;
            default:
                await Console.Error.WriteLineAsync(
                    $"The reference Kratos double does not emulate \"{command.CommandPath}\"; it runs kratos serve, kratos migrate sql (up, status) and kratos version.")
                    .ConfigureAwait(false);
                return 1;
        }
    }
}
