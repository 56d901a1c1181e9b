using System.CommandLine;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Reports.Publishing;
using KratosConformance.Reports.Terminal;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc merge: the run folders of <c>kc run --shard i/n</c> on several CI runners into one report (results.json,
/// junit.xml, summary.md, index.html, evidence/) of the same form as an unsharded run's, with one verdict and exit code.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CommandContext context)
    {
        var runs = new Argument<string[]>("run-dirs") { Description = "The shards' run folders (reports/out/<run-id> of each ./kc run --shard i/n).", Arity = ArgumentArity.OneOrMore };
        var output = KcOption.Value("--out", "<dir>", "The merged run folder to create (must not exist or be empty).");
        output.Required = true;
        var command = new Command("merge", "Merge the run folders of the shards of one run (./kc run --shard i/n) into one report with one verdict: INCOMPLETE when a shard is missing, INTERRUPTED when one was interrupted; shards of different Kratos versions, configs or targets are refused.");
        command.Arguments.Add(runs);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            {
                throw new CliException($"--out {parse.GetValue(output)} already exists and is not empty: give a new folder for the merged report.");
            }

            if (File.Exists(outDir))
            {
                throw new CliException($"--out {parse.GetValue(output)} is a file: give a folder for the merged report.");
            }

            var merged = ShardMerge.Merge(parse.GetValue(runs)!, outDir, context.Error);
            Directory.CreateDirectory(outDir);
            var coverage = Reports.Coverage.FieldCoverageTable.Load(Path.GetDirectoryName(SuiteAssembly.Path)!);
            merged = RunReports.WriteAllAsync(merged, outDir, coverage, CancellationToken.None).GetAwaiter().GetResult();
            if (merged.Run.SecretsRevealed)
            {
                SecretFiles.RestrictToOwner(outDir);
            }

            context.Out.Write(FinalTable.Render(merged, ConsoleStyle.Plain));
            context.Out.WriteLine($"report: {Path.Combine(outDir, "index.html")}");
            return Reports.Model.RunVerdict.Of(merged).Passed ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return command;
    }
}
