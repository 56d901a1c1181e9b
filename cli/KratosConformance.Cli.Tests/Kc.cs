using KratosConformance.Cli.Commands;

namespace KratosConformance.Cli.Tests;

/// <summary>Runs one kc command line in this process with captured output: for parsing, help and refusals only.</summary>
internal static class Kc
{
    public static (int Code, string Out, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KcCommandLine.Invoke(args, new CommandContext(output, error, Signals: null));
        return (code, output.ToString(), error.ToString());
    }

    public static System.CommandLine.ParseResult Parse(params string[] args) =>
        KcCommandLine.Parse(args, new CommandContext(TextWriter.Null, TextWriter.Null, Signals: null));
}
