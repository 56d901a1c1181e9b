using System.Diagnostics;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Ui;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The "tool" part of ./kc test: the installable .NET tool as a team gets it. Packs cli/KratosConformance.Cli into a
/// local feed, installs it into a temporary tool path, and from an empty folder (no clone, none of ./kc's KC_*
/// variables) runs kc run in-process on the whole HTTP suite (every factor, every HTTP client style) plus the aal2
/// scenario in Chromium against the Elements UI bundle the package carries; the report must land under that folder's
/// reports/out/ and hold exactly the ids the clone's suites select, every one passed. Then the installed tool runs the
/// SMS scenario through the containers target, which builds its images from the tool's own content. Bad input to the
/// installed tool must still end with exit 2 and the fix. Its temporary folders are removed at the end, also on failure.
/// </summary>
public static class ToolCheck
{
    /// <summary>
    /// The HTTP suite as --only patterns: every HTTP test's id ends in its client style (ConformanceCases.ForStyles).
    /// The check compares the run's ids with the clone's whole HTTP selection, so a test with another suffix would fail it.
    /// </summary>
    public static IReadOnlyList<string> HttpSuite { get; } = ["*.browser", "*.spa", "*.native"];

    /// <summary>
    /// The one browser-ui scenario the installed tool runs: it shows the carried Playwright driver and Elements bundle
    /// work from the tool. The other browser-ui scenarios run the same driver and bundle in the clone (parts
    /// elements-ui, browser-versions, remote-browser); running them here again would add the Elements SPA's ~36 s.
    /// </summary>
    public const string BrowserTest = "login.code-mfa.aal2.browser-ui";

    /// <summary>Through containers: the SMS scenario, whose sink runs in the smtp4dev image (both images built from the tool's content).</summary>
    public const string ContainersSelection = "login.sms.aal2.*";

    // What ./kc exports for the CLI it starts; the installed tool must work without any of them.
    private static readonly string[] KcVariables = [RepositoryLayout.RootVariable, "KC_ROOT", "KC_STATE", ElementsUi.BundleVariable, "KC_SKIP_BUILD", "KC_WORKFLOW_PARSER_DIR"];

    public static TestTally Run(Patience patience, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"tool: dotnet pack → dotnet tool install --tool-path <temp> → from an empty folder kc run --target inprocess (the HTTP suite and {BrowserTest} with --reference-ui elements), kc run --target containers --only '{ContainersSelection}' --no-browser");
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
            string[] only = [.. HttpSuite.Concat([BrowserTest]).SelectMany(p => new[] { "--only", p })];
            var run = RunKc(kc, work, ["run", "--target", "inprocess", .. only, "--reference-ui", "elements", "--patience", cold], patience, "kc run of the suite by the installed tool", TimeSpan.FromMinutes(5), cancellationToken);
            results.Add(($"installed kc run passed from an empty folder ({clock.Elapsed.TotalSeconds:0} s)", run.ExitCode == 0, run.Tail()));
            var expected = SuiteRunner.SelectedIds(new ConformanceTestFilter([], includeBrowser: false)).Append(BrowserTest).ToHashSet(StringComparer.Ordinal);
            results.Add(CheckReport(Path.Combine(work, "reports", "out", "latest"), "the folder's reports/out/latest/", expected));

            clock.Restart();
            var containersOut = Path.Combine(work, "containers-out");
            var containers = RunKc(kc, work, ["run", "--target", "containers", "--only", ContainersSelection, "--no-browser", "--out", containersOut, "--patience", cold], patience, "kc run --target containers by the installed tool", TimeSpan.FromMinutes(10), cancellationToken);
            results.Add(($"installed kc run --target containers passed, images from the tool's content ({clock.Elapsed.TotalSeconds:0} s)", containers.ExitCode == 0, containers.Tail()));
            var sms = SuiteRunner.SelectedIds(new ConformanceTestFilter([ContainersSelection], includeBrowser: false)).ToHashSet(StringComparer.Ordinal);
            results.Add(CheckReport(Path.Combine(containersOut, "latest"), "--out's latest/ (containers)", sms));
            var badConfig = RunKc(kc, work, ["run", "--target", "inprocess", "--config", "missing/kratos.yml"], patience, "kc run with a missing --config", TimeSpan.FromMinutes(3), cancellationToken);
            results.Add(("installed kc: a missing --config is exit 2 naming the file", badConfig.ExitCode == 2 && badConfig.Output.Contains("missing/kratos.yml", StringComparison.Ordinal) && !badConfig.Output.Contains("   at ", StringComparison.Ordinal), badConfig.Tail()));
            var cloneOnly = RunKc(kc, work, ["test"], patience, "kc test by the installed tool", TimeSpan.FromMinutes(3), cancellationToken);
            results.Add((
                "installed kc: kc test (clone only) is exit 2 saying to clone and naming what the tool runs",
                cloneOnly.ExitCode == 2 && cloneOnly.Output.Contains("git clone", StringComparison.Ordinal) && cloneOnly.Output.Contains(RepositoryLayout.ToolCommands, StringComparison.Ordinal) && !cloneOnly.Output.Contains("   at ", StringComparison.Ordinal),
                cloneOnly.Tail()));
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

    private static ChildProcess.Result RunKc(string kc, string work, string[] arguments, Patience patience, string what, TimeSpan limit, CancellationToken cancellationToken) =>
        ChildProcess.Run(kc, arguments, work, patience.For(what, limit), unset: KcVariables, cancellationToken: cancellationToken);

    /// <summary>The run's report (results, html, junit, summary) is in <paramref name="latest"/>: exactly the expected ids, every one passed.</summary>
    private static (string What, bool Ok, string Detail) CheckReport(string latest, string where, IReadOnlySet<string> expected)
    {
        if (!File.Exists(Path.Combine(latest, "results.json")))
        {
            return ($"report under {where}", false, $"no {Path.Combine(latest, "results.json")}");
        }

        var results = ResultsJsonReader.Read(latest);
        var files = new[] { "index.html", "junit.xml", "summary.md" }.Where(f => !File.Exists(Path.Combine(latest, f))).ToList();
        var ids = results.Tests.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(ids).Order(StringComparer.Ordinal).ToList();
        var extra = ids.Except(expected).Order(StringComparer.Ordinal).ToList();
        var notPassed = results.Tests.Where(t => t.Outcome != TestOutcome.Passed).Select(t => $"{t.Id}: {t.Outcome}").ToList();
        var browser = results.Tests.Count(t => t.Id.EndsWith(".browser-ui", StringComparison.Ordinal));
        var s = results.Summary;
        var ok = results.Verdict == "passed" && missing.Count == 0 && extra.Count == 0 && notPassed.Count == 0 && files.Count == 0;
        var detail = string.Join('\n', new[]
        {
            missing.Count == 0 ? null : $"not run ({missing.Count}): {string.Join(", ", missing.Take(10))}",
            extra.Count == 0 ? null : $"not expected ({extra.Count}): {string.Join(", ", extra.Take(10))}",
            notPassed.Count == 0 ? null : $"not passed ({notPassed.Count}): {string.Join(", ", notPassed.Take(10))}",
            files.Count == 0 ? null : "missing " + string.Join(", ", files),
        }.OfType<string>());
        return ($"report under {where}: {s.Total} of {expected.Count} expected tests ({browser} in Chromium), {s.Passed} passed, {s.Failed} failed, {s.NotApplicable} n.a., verdict {results.Verdict}", ok, detail);
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
