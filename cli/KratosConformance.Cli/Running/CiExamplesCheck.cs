using System.Diagnostics;
using KratosConformance.Cli.Validation;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Paths;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "ci-examples" part of ./kc test: the example GitHub workflow through GitHub's own parser (@actions/workflow-parser,
/// installed by ./kc under .kc/tools/workflow-parser/, KC_WORKFLOW_PARSER_DIR) and the example GitLab pipeline against
/// GitLab's CI schema; each linter must also reject a broken copy, so neither can pass by accepting everything.
/// </summary>
public static class CiExamplesCheck
{
    public static TestTally Run(string dir, Patience patience, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(patience);
        ArgumentNullException.ThrowIfNull(console);
        Directory.CreateDirectory(dir);
        console.WriteLine("ci-examples: examples/ci/github by GitHub's workflow parser, examples/ci/gitlab by GitLab's CI schema; broken copies must be rejected");
        var root = RepositoryLayout.RequireRoot();
        var workflow = Path.Combine(root, "examples", "ci", "github", "kratos-conformance.yml");
        var gitlab = Path.Combine(root, "examples", "ci", "gitlab", ".gitlab-ci.yml");
        var brokenWorkflow = Path.Combine(dir, "broken-workflow.yml");
        File.WriteAllText(brokenWorkflow, File.ReadAllText(workflow).Replace("    runs-on: ubuntu-24.04\n", "    runs-on: ubuntu-24.04\n    run-on: typo\n", StringComparison.Ordinal));
        var brokenGitlab = Path.Combine(dir, ".gitlab-ci.yml");
        File.WriteAllText(brokenGitlab, File.ReadAllText(gitlab).Replace("  parallel: 2\n", "  parallel: 2\n  scripts: [typo]\n", StringComparison.Ordinal));

        var results = new List<(string What, bool Ok, string Detail)>();
        var (code, output) = Lint(workflow, patience);
        results.Add(("GitHub workflow accepted by @actions/workflow-parser", code == 0, output));
        (code, output) = Lint(brokenWorkflow, patience);
        results.Add(("broken GitHub workflow rejected", code == 1 && output.Contains("Unexpected value 'run-on'", StringComparison.Ordinal), output));
        var problems = GitLabCiSchema.Problems(gitlab);
        results.Add(("GitLab pipeline fits GitLab's CI schema", problems.Count == 0, string.Join("; ", problems)));
        problems = GitLabCiSchema.Problems(brokenGitlab);
        results.Add(("broken GitLab pipeline rejected", problems.Count > 0, string.Join("; ", problems.Take(3))));
        foreach (var (what, ok, detail) in results)
        {
            console.WriteLine($"  {(ok ? "✓" : "✗")} {what}{(ok || detail.Length == 0 ? string.Empty : ": " + detail.Trim())}");
        }

        return new TestTally("ci-examples", results.Count(r => r.Ok), results.Count(r => !r.Ok), 0);
    }

    /// <summary>Runs the workflow linter on one file: its exit code and output (2 with the fix when it is not installed).</summary>
    private static (int Code, string Output) Lint(string file, Patience patience)
    {
        var parser = Environment.GetEnvironmentVariable("KC_WORKFLOW_PARSER_DIR");
        if (string.IsNullOrEmpty(parser) || !Directory.Exists(Path.Combine(parser, "node_modules")))
        {
            return (2, "GitHub's workflow parser is not installed (KC_WORKFLOW_PARSER_DIR unset or without node_modules): run ./kc test, which installs it under .kc/tools/workflow-parser/.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = parser };
        foreach (var arg in new[] { "--import", "./register-json.mjs", "lint-workflow.mjs", file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = patience.For("GitHub workflow parser run", TimeSpan.FromSeconds(60));
        if (!process.WaitForExit(deadline.Limit))
        {
            process.Kill(entireProcessTree: true);
            return (3, $"{deadline.Name} did not end within {deadline.Limit.TotalSeconds:0} s (raise --patience)");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
