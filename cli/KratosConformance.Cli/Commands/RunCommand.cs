using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Harness.Paths;
using KratosConformance.Reports.Output;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc run: the conformance suite against one target, a report under reports/out/&lt;run-id&gt;/ (and reports/out/latest),
/// live progress on the console, and an exit code that says pass (0) or fail (1).
/// </summary>
public static class RunCommand
{
    private static readonly OptionParser Parser = new(
        "run",
        "Usage: ./kc run [options]\n\nRuns the conformance suite (login.code-mfa.*) and writes results.json, junit.xml, summary.md and index.html\nto reports/out/<run-id>/ (reports/out/latest points at the newest run).",
        [
            .. TargetOptions.Specs,
            new("baseline", "<file>", "Known deviations of this deployment (JSON: {\"expectedFailures\":[{\"id\",\"reason\"}]}). Listed failures do not fail the run; listed tests that pass do."),
            new("only", "<pattern>", "Run only tests whose id matches, e.g. 'login.code-mfa.aal2.*' (repeatable).", Repeatable: true),
            new("no-browser", null, "Leave out the Playwright browser suite (browser-ui)."),
            new("workers", "<n>", "Parallel test workers (default: 2 × cores)."),
            new("out", "<dir>", "Where run folders go (default reports/out)."),
        ]);

    public static int Run(IReadOnlyList<string> args)
    {
        var o = Parser.Parse(args);
        if (o.Has("help"))
        {
            Console.Out.Write(Parser.Help());
            return 0;
        }

        if (o.Positionals.Count > 0)
        {
            throw new CliException($"kc run takes no arguments, only options; got '{o.Positionals[0]}' (./kc run --help).");
        }

        var baseline = o.Get("baseline") is { } b ? BaselineFile.Load(b) : null;
        var outRoot = Path.GetFullPath(o.Get("out") ?? Path.Combine(RepositoryLayout.RequireRoot(), "reports", "out"));
        var started = DateTimeOffset.Now;
        var options = TargetOptions.ToSettings(o, evidenceRoot: string.Empty);
        Preflight.Check(options);
        var runDir = RunDirectory.Create(outRoot, started);
        var settings = options with { EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName) };
        var plan = new RunPlan(
            settings,
            new ConformanceTestFilter(o.GetAll("only"), includeBrowser: !o.Has("no-browser")),
            o.GetInt("workers", Environment.ProcessorCount * 2, 1, 64),
            baseline);

        Console.Out.WriteLine($"kc run: target {settings.Target}, report {Path.GetRelativePath(Environment.CurrentDirectory, runDir.Path)}");
        var outcome = RunExecutor.Execute(plan, runDir, started, Console.Out);
        return outcome.Passed ? 0 : 1;
    }
}
