using System.CommandLine;
using System.CommandLine.Invocation;
using KratosConformance.Cli.Errors;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc's command tree on System.CommandLine: every command with its help (-h, --help), validation, and completion
/// (the [suggest] directive behind ./kc completion bash). Parsing never runs anything, so tests parse freely; bad input
/// is one message and exit 2, a user error from a command (by exception type, <see cref="UserErrors"/>) likewise.
/// </summary>
public static class KcCommandLine
{
    public static IReadOnlyList<string> CommandNames { get; } = ["run", "upgrade", "test", "compare", "merge", "bench", "mutate", "double", "images", "completion"];

    public static RootCommand Create(CommandContext context)
    {
        var root = new RootCommand("kc: conformance suite and harness for Ory Kratos code-MFA login. Exit codes: 0 passed, 1 conformance failure, 2 bad input, 130/143 interrupted (SIGINT/SIGTERM).")
        {
            RunCommand.Create(context),
            UpgradeCommand.Create(context),
            TestCommand.Create(context),
            CompareCommand.Create(context),
            MergeCommand.Create(context),
            BenchCommand.Create(context),
            MutateCommand.Create(context),
            DoubleCommand.Create(context),
            ImagesCommand.Create(context),
            CompletionCommand.Create(context),
        };
        return root;
    }

    public static ParseResult Parse(IReadOnlyList<string> args, CommandContext context) => Create(context).Parse(args);

    /// <summary>Parses and runs one command line; the exit code.</summary>
    public static int Invoke(IReadOnlyList<string> args, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = Parse(args.Count == 0 ? ["--help"] : args, context);
        if (parse.Action is ParseErrorAction || parse.Errors.Count > 0 && parse.Action is null)
        {
            context.Error.WriteLine(ParseErrors.Describe(parse));
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(Configuration(context));
        }
        catch (Exception e) when (UserErrors.Is(e))
        {
            context.Error.WriteLine($"kc {parse.CommandResult.Command.Name}: error: {UserErrors.Unwrap(e).Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (UserErrors.Unwrap(e) is OperationCanceledException && context.Token.IsCancellationRequested)
        {
            context.Error.WriteLine($"kc {parse.CommandResult.Command.Name}: stopped by {context.Signals?.Received?.Name ?? "a signal"}.");
            return context.InterruptedExitCode;
        }
    }

    private static InvocationConfiguration Configuration(CommandContext context) => new()
    {
        Output = context.Out,
        Error = context.Error,
        // kc handles exceptions (user errors by type) and signals (SignalListener) itself.
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
