using System.CommandLine;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Reports.Compare;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc compare: what changed between two runs (an upgrade certification: same suite, two Kratos versions). An
/// interrupted run is refused: its unfinished tests would read as changes that say nothing about Kratos.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CommandContext context)
    {
        var runA = new Argument<string>("run-a") { Description = "The earlier run: a folder written by ./kc run (reports/out/<run-id>), or its results.json." };
        var runB = new Argument<string>("run-b") { Description = "The later run, e.g. reports/out/latest." };
        var output = KcOption.Value("--out", "<dir>", "Where to write compare.md and compare.html (default: the folder of run B).");
        var command = new Command("compare", "Compare two runs: tests whose outcome changed, and for tests in both runs the message ids, message texts, states and status codes that changed at each step. Prints the comparison and writes compare.md and compare.html.");
        command.Arguments.Add(runA);
        command.Arguments.Add(runB);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var a = RunFolder(parse.GetValue(runA)!, "run A");
            var b = RunFolder(parse.GetValue(runB)!, "run B");
            RunComparison comparison;
            try
            {
                comparison = RunComparer.Compare(a, b);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new CliException($"an evidence file (evidence/<test-id>/steps.jsonl) of {a} or {b} is not valid JSON at line {e.LineNumber + 1}: {e.Message.Split('.')[0]}. Compare runs whose folders are complete.");
            }

            var outDir = Path.GetFullPath(parse.GetValue(output) ?? b);
            Directory.CreateDirectory(outDir);
            var md = ComparisonMarkdownWriter.WriteAsync(comparison, outDir).GetAwaiter().GetResult();
            var html = ComparisonHtmlWriter.WriteAsync(comparison, outDir).GetAwaiter().GetResult();
            context.Out.Write(ComparisonTextWriter.Render(comparison));
            context.Out.WriteLine($"written: {md}");
            context.Out.WriteLine($"written: {html}");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>The run folder of <paramref name="arg"/>, once its results.json has been read and is complete.</summary>
    public static string RunFolder(string arg, string which)
    {
        ArgumentNullException.ThrowIfNull(arg);
        var full = Path.GetFullPath(arg);
        if (File.Exists(full) && Path.GetFileName(full) == ResultsJsonWriter.FileName)
        {
            full = Path.GetDirectoryName(full)!;
        }

        var file = Path.Combine(full, ResultsJsonWriter.FileName);
        if (!File.Exists(file))
        {
            throw new CliException($"{which} '{arg}' is not a run folder: {file} does not exist. Give a folder written by ./kc run (reports/out/<run-id>).");
        }

        RunResult result;
        try
        {
            result = ResultsJsonReader.Read(full);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{which}: {e.Message} Give the folder of a complete run, or re-run ./kc run to write it again.");
        }

        if (result.Run.Interruption is { } signal)
        {
            throw new CliException($"{which} ({full}) was interrupted by {signal}: {result.Summary.Interrupted} of its {result.Summary.Total} tests did not finish, so comparing it would report changes that say nothing about Kratos. Compare two runs that ended by themselves.");
        }

        return full;
    }
}
