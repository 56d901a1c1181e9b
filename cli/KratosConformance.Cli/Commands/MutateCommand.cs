using System.CommandLine;
using System.Globalization;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Mutation;
using KratosConformance.Cli.Options;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc mutate: mutation testing as the measure of the suites (Stryker.NET on the double's behaviour code, the
/// conformance suites as the tests). Prints the score, the survivors that docs/mutation-survivors.md does not explain
/// (each is a missing check), and where Stryker's HTML/JSON report is.
/// </summary>
public static class MutateCommand
{
    public static Command Create(CommandContext context)
    {
        var files = KcOption.Repeatable("--file", "<path>", "Mutate only this behaviour file (repeatable), e.g. Endpoints/CodeVerifier.cs; default: every file in mutation/stryker-config.json.");
        var since = KcOption.Value("--since", "<git ref>", "Mutate only files changed since this git ref (incremental run).");
        var concurrency = KcOption.Number("--concurrency", "<n>", "Parallel Stryker test sessions (default 1: the suites already run their tests in parallel on every core; a second session slows both past Stryker's timeout, which it counts as detected).", 1, 1, 16);
        var breakAt = KcOption.Number("--break-at", "<percent>", "Exit 1 when the score is below this (default 0: never).", 0, 0, 100);
        var output = KcOption.Value("--out", "<dir>", "Where the run's folder goes (default reports/out/mutation).");
        var command = new Command("mutate", "Mutation-test the double's behaviour code with the conformance suites as the tests (Stryker.NET, in-process double); writes Stryker's HTML/JSON report under reports/out/mutation/<timestamp>/reports/ and prints the score and the unexplained survivors.");
        command.Options.Add(files);
        command.Options.Add(since);
        command.Options.Add(concurrency);
        command.Options.Add(breakAt);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var stamp = DateTimeOffset.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var root = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(RepositoryLayout.RequireRoot(), "reports", "out", "mutation"));
            var plan = new MutationPlan
            {
                Files = parse.GetValue(files) ?? [],
                Since = parse.GetValue(since),
                Concurrency = parse.GetValue(concurrency),
                BreakAt = parse.GetValue(breakAt),
                OutputDirectory = Path.Combine(root, stamp),
                Patience = Defaults.EnvironmentPatience(),
            };
            return Run(plan, context);
        });
        return command;
    }

    private static int Run(MutationPlan plan, CommandContext context)
    {
        var report = MutationRun.Execute(plan, context.Out, context.Token);
        return report.Score < plan.BreakAt ? ExitCodes.Failed : ExitCodes.Passed;
    }
}
