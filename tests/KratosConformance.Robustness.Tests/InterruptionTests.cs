using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// SIGINT and SIGTERM stop a run as a user sees it: ./kc started as a process, the signal sent to it, then its exit
/// code, results.json, reports/out/latest and the processes it started (none may outlive it) checked. Before: Ctrl-C listed 26 failures and moved latest; SIGTERM wrote
/// "PASSED 41". Only deadlines (from KC_PATIENCE, named) bound the waits; no elapsed time is asserted.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InterruptionTests
{
    private static readonly Patience Patience = HarnessSettings.FromEnvironment().Patience;
    private TempFiles _out = null!;
    private string _completeRun = null!;

    [OneTimeSetUp]
    public async Task RunOnceToTheEndAsync()
    {
        _out = new TempFiles();
        using var kc = KcProcess.Start("run", "--target", "inprocess", "--no-browser", "--only", "login.code-mfa.aal2.*", "--out", _out.Directory);
        var code = await kc.ExitCodeAsync(Patience.For("a complete three-test run of ./kc", TimeSpan.FromSeconds(120)));
        code.Should().Be(0, "a complete run passes; output:\n{0}", kc.Output);
        _completeRun = LatestTarget();
    }

    [OneTimeTearDown]
    public void RemoveRuns() => _out.Dispose();

    [TestCase("INT", "SIGINT", 130)]
    [TestCase("TERM", "SIGTERM", 143)]
    public async Task A_signal_stops_the_run_as_interrupted_and_leaves_latest(string signal, string name, int exitCode)
    {
        using var kc = KcProcess.Start("run", "--target", "inprocess", "--no-browser", "--workers", "1", "--out", _out.Directory);
        await kc.WaitForLineAsync("the run's second test result", l => KcProcess.IsResultLine(l, 2), Patience.For("./kc run's first results", TimeSpan.FromSeconds(120)));

        var tree = kc.Tree();
        kc.Signal(signal);
        var code = await kc.ExitCodeAsync(Patience.For($"./kc's stop after {name}", TimeSpan.FromSeconds(30)));
        await ProcessTree.AllEndedAsync(tree, Patience.For($"kc's processes (smtp4dev too) after {name}", TimeSpan.FromSeconds(30)), kc);

        code.Should().Be(exitCode, "output:\n{0}", kc.Output);
        kc.Lines.Should().Contain(l => l.StartsWith($"INTERRUPTED by {name}: ", StringComparison.Ordinal));
        var run = Directory.GetDirectories(_out.Directory).Where(d => Path.GetFileName(d) != Path.GetFileName(_completeRun))
            .OrderBy(File.GetCreationTimeUtc).Last();
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!;
        results["verdict"]!.GetValue<string>().Should().Be("interrupted");
        results["run"]!["interruption"]!.GetValue<string>().Should().Be(name);
        var outcomes = results["tests"]!.AsArray().Select(t => t!["outcome"]!.GetValue<string>()).ToList();
        outcomes.Should().HaveCount(results["summary"]!["total"]!.GetValue<int>()).And.Contain("interrupted").And.NotContain("failed", "the stop is not a finding about Kratos");
        File.ReadAllText(Path.Combine(run, "summary.md")).Should().Contain($"INTERRUPTED by {name}");
        File.ReadAllText(Path.Combine(run, "junit.xml")).Should().Contain("type=\"interrupted\"");
        LatestTarget().Should().Be(_completeRun, "latest moves only to a run that was not interrupted");
        Directory.Delete(run, recursive: true);
    }

    private string LatestTarget() =>
        Path.Combine(_out.Directory, new DirectoryInfo(Path.Combine(_out.Directory, "latest")).LinkTarget ?? throw new InvalidOperationException("no latest link"));
}
