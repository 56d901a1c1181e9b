using System.Diagnostics;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Ui;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "tool" part of ./kc test: the installable .NET tool as a team gets it. Packs cli/KratosConformance.Cli into a
/// local feed, installs it into a temporary tool path, and from an empty folder (no clone, none of ./kc's KC_*
/// variables) runs kc run in-process on the aal2 scenario through all four clients, the browser one against the
/// Elements UI bundle the package carries; the report must land under that folder's reports/out/. Bad input to the
/// installed tool must still end with exit 2 and the fix. Its temporary folders are removed at the end, also on failure.
/// </summary>
public static class ToolCheck
{
    /// <summary>The selection run by the installed tool: one scenario, every client, one of them a real browser.</summary>
    public const string Selection = "login.code-mfa.aal2.*";

    // What ./kc exports for the CLI it starts; the installed tool must work without any of them.
    private static readonly string[] KcVariables = [RepositoryLayout.RootVariable, "KC_ROOT", "KC_STATE", ElementsUi.BundleVariable, "KC_SKIP_BUILD", "KC_WORKFLOW_PARSER_DIR"];

    public static TestTally Run(Patience patience, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"tool: dotnet pack → dotnet tool install --tool-path <temp> → kc run --target inprocess --only '{Selection}' --reference-ui elements from an empty folder");
        var temp = Path.Combine(Path.GetTempPath(), "kc-tool-" + Guid.NewGuid().ToString("N")[..8]);
        var feed = Path.Combine(temp, "feed");
        var tools = Path.Combine(temp, "tools");
        var work = Path.Combine(temp, "team-repo");
        Directory.CreateDirectory(work);
        var results = new List<(string What, bool Ok, string Detail)>();
        try
        {
            var clock = Stopwatch.StartNew();
            var root = RepositoryLayout.RequireRoot();
            var pack = ChildProcess.Run(
                "dotnet",
                ["pack", Path.Combine(root, "cli", "KratosConformance.Cli"), "-c", "Release", "-o", feed, "-nologo", "-v", "q", "-clp:NoSummary"],
                root,
                patience.For("dotnet pack of the kc tool", TimeSpan.FromMinutes(10)),
                cancellationToken: cancellationToken);
            var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "KratosConformance.Cli.*.nupkg").FirstOrDefault() : null;
            results.Add(($"dotnet pack wrote the tool package ({clock.Elapsed.TotalSeconds:0} s{(package is null ? string.Empty : $", {new FileInfo(package).Length / 1_000_000} MB")})", pack.ExitCode == 0 && package is not null, pack.Tail()));
            if (package is null)
            {
                return Report(results, console);
            }

            clock.Restart();
            var install = ChildProcess.Run(
                "dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "KratosConformance.Cli"], work,
                patience.For("dotnet tool install of the kc tool", TimeSpan.FromMinutes(3)), cancellationToken: cancellationToken);
            var kc = Path.Combine(tools, OperatingSystem.IsWindows() ? "kc.exe" : "kc");
            results.Add(($"dotnet tool install put kc into the tool path ({clock.Elapsed.TotalSeconds:0} s)", install.ExitCode == 0 && File.Exists(kc), install.Tail()));
            if (!File.Exists(kc))
            {
                return Report(results, console);
            }

            clock.Restart();
            // A fresh install's first run starts cold (the Release build's JIT, smtp4dev's install, the 8.6 MB SPA's first
            // parse in Chromium) beside everything else ./kc test runs on the machine: twice the patience of this run.
            var cold = (patience.Factor * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var run = RunKc(kc, work, ["run", "--target", "inprocess", "--only", Selection, "--reference-ui", "elements", "--patience", cold], patience, "kc run by the installed tool", cancellationToken);
            results.Add(($"installed kc run passed from an empty folder ({clock.Elapsed.TotalSeconds:0} s)", run.ExitCode == 0, run.Tail()));
            results.Add(CheckReport(work));
            var badConfig = RunKc(kc, work, ["run", "--target", "inprocess", "--config", "missing/kratos.yml"], patience, "kc run with a missing --config", cancellationToken);
            results.Add(("installed kc: a missing --config is exit 2 naming the file", badConfig.ExitCode == 2 && badConfig.Output.Contains("missing/kratos.yml", StringComparison.Ordinal) && !badConfig.Output.Contains("   at ", StringComparison.Ordinal), badConfig.Tail()));
            var cloneOnly = RunKc(kc, work, ["test"], patience, "kc test by the installed tool", cancellationToken);
            results.Add(("installed kc: kc test (clone only) is exit 2 saying to clone", cloneOnly.ExitCode == 2 && cloneOnly.Output.Contains("clone", StringComparison.Ordinal) && !cloneOnly.Output.Contains("   at ", StringComparison.Ordinal), cloneOnly.Tail()));
            return Report(results, console);
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException e)
            {
                console.WriteLine($"tool: could not remove {temp}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                console.WriteLine($"tool: could not remove {temp}: {e.Message}");
            }
        }
    }

    private static ChildProcess.Result RunKc(string kc, string work, string[] arguments, Patience patience, string what, CancellationToken cancellationToken) =>
        ChildProcess.Run(kc, arguments, work, patience.For(what, TimeSpan.FromMinutes(3)), unset: KcVariables, cancellationToken: cancellationToken);

    /// <summary>The report is under the folder the tool ran in: reports/out/latest/ with every test of the selection passed.</summary>
    private static (string What, bool Ok, string Detail) CheckReport(string work)
    {
        var latest = Path.Combine(work, "reports", "out", "latest");
        if (!File.Exists(Path.Combine(latest, "results.json")))
        {
            return ("report under the folder's reports/out/latest/", false, $"no {Path.Combine(latest, "results.json")}");
        }

        var results = ResultsJsonReader.Read(latest);
        var files = new[] { "index.html", "junit.xml", "summary.md" }.Where(f => !File.Exists(Path.Combine(latest, f))).ToList();
        var browser = results.Tests.Count(t => t.Id.EndsWith(".browser-ui", StringComparison.Ordinal));
        var ok = results.Verdict == "passed" && results.Tests.Count == 4 && browser == 1 && files.Count == 0;
        return ($"report under the folder's reports/out/latest/: {results.Tests.Count} tests ({browser} in Chromium), verdict {results.Verdict}", ok, files.Count == 0 ? string.Empty : "missing " + string.Join(", ", files));
    }

    private static TestTally Report(List<(string What, bool Ok, string Detail)> results, TextWriter console)
    {
        foreach (var (what, ok, detail) in results)
        {
            console.WriteLine($"  {(ok ? "✓" : "✗")} {what}{(ok || detail.Length == 0 ? string.Empty : ":\n" + detail.Trim())}");
        }

        return new TestTally("tool", results.Count(r => r.Ok), results.Count(r => !r.Ok), 0);
    }
}
