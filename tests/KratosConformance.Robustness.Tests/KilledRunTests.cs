using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// The robustness catalogue, runs that die: ./kc killed with SIGKILL (kc alone, or kc and everything under it at once,
/// as a CI runner kills a job), and ./kc double serve stopped by SIGTERM. What is checked is what a user finds
/// afterwards: containers, networks and volumes of the run, processes it started, exit codes. Before (issue 11):
/// SIGKILL left 2 running containers and a network that no later run removed, and a killed in-process run left its
/// smtp4dev running; ./kc double serve ignored SIGTERM.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KilledRunTests
{
    private static readonly Patience Patience = HarnessSettings.FromEnvironment().Patience;

    [Test]
    [Category("docker")]
    public async Task Sigkill_of_kc_alone_stops_the_run_as_interrupted_and_removes_its_containers()
    {
        await RequireDockerAsync();
        using var output = new TempFiles();
        using var kc = KcProcess.Start("run", "--no-browser", "--workers", "1", "--out", output.Directory);
        await kc.WaitForLineAsync("the run's first result", l => KcProcess.IsResultLine(l, 1), Patience.For("./kc run's first results through containers", TimeSpan.FromSeconds(300)));
        var tree = kc.Tree();
        (await SessionResourcesAsync(kc)).Should().NotBeEmpty("the run has its stack up");

        kc.Signal("KILL");

        // The CLI under kc gets SIGTERM from the kernel (parent death) and stops the run as it would on SIGTERM: the tests'
        // grace, the report, then the stack's removal, whose container cleanup has a deadline of its own (20 s at patience 1)
        // per step, and a Kratos start still in flight is stopped and awaited first (KratosStack.DisposeAsync).
        await ProcessTree.AllEndedAsync(tree, Patience.For("the CLI's stop after kc was killed", TimeSpan.FromSeconds(120)), kc);
        (await SessionResourcesAsync(kc)).Should().BeEmpty("the CLI removed its stack before it exited; its output:\n{0}", kc.Output);
        var run = Directory.GetDirectories(output.Directory).Single(d => Path.GetFileName(d) != "latest");
        File.ReadAllText(Path.Combine(run, "summary.md")).Should().Contain("INTERRUPTED by SIGTERM");
    }

    [Test]
    [Category("docker")]
    public async Task Sigkill_of_the_whole_run_leaves_containers_that_the_next_kc_removes()
    {
        await RequireDockerAsync();
        using var output = new TempFiles();
        using var kc = KcProcess.Start("run", "--no-browser", "--workers", "1", "--out", output.Directory);
        await kc.WaitForLineAsync("the run's first result", l => KcProcess.IsResultLine(l, 1), Patience.For("./kc run's first results through containers", TimeSpan.FromSeconds(300)));
        var tree = kc.Tree();

        kc.KillTree();
        await ProcessTree.AllEndedAsync(tree, Patience.For("the killed run's processes", TimeSpan.FromSeconds(60)), kc);
        var left = await SessionResourcesAsync(kc);
        left.Should().Contain(r => r.Kind == "container").And.Contain(r => r.Kind == "network", "nothing could clean up");
        left.Should().OnlyContain(r => LeftoverSweep.StateOf(r.Labels) == OwnerState.Gone, "their owner is dead, by PID and start time");

        using var next = KcProcess.Start("images");
        var code = await next.ExitCodeAsync(Patience.For("./kc images", TimeSpan.FromSeconds(300)));

        code.Should().Be(0, next.Output);
        next.Lines.Should().Contain(l => l.StartsWith("kc: removed ", StringComparison.Ordinal) && l.Contains("owner PID", StringComparison.Ordinal));
        (await SessionResourcesAsync(kc)).Should().BeEmpty("the next kc's start-up sweep removed the dead run's containers, network and volumes");
    }

    [Test]
    public async Task Sigkill_of_kc_and_its_cli_takes_their_smtp4dev_with_them()
    {
        using var output = new TempFiles();
        using var kc = KcProcess.Start("run", "--target", "inprocess", "--no-browser", "--workers", "1", "--out", output.Directory);
        await kc.WaitForLineAsync("the run's first result", l => KcProcess.IsResultLine(l, 1), Patience.For("./kc run's first results", TimeSpan.FromSeconds(120)));
        var tree = kc.Tree();
        tree.Should().HaveCountGreaterThan(2, "kc, the CLI and its smtp4dev run: {0}", string.Join(", ", tree.Select(p => $"{p.Pid} {ProcessTree.CommandLine(p.Pid)}")));

        // The processes that could stop smtp4dev die at once (as under the OOM killer); smtp4dev is left to the kernel.
        var cli = tree.Where(p => ProcessTree.CommandLine(p.Pid).Contains("kc.dll", StringComparison.Ordinal)).Select(p => p.Pid).ToList();
        cli.Should().ContainSingle("one CLI process (kc.dll) runs under kc: {0}", string.Join(", ", tree.Select(p => $"{p.Pid} {ProcessTree.CommandLine(p.Pid)}")));
        foreach (var pid in new[] { kc.Pid, cli[0] })
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }

        await ProcessTree.AllEndedAsync(tree, Patience.For("smtp4dev's end after its parent died", TimeSpan.FromSeconds(60)), kc);
    }

    [Test]
    public async Task Sigkill_of_kc_alone_in_an_in_process_run_stops_it_as_interrupted_with_its_smtp4dev()
    {
        using var output = new TempFiles();
        using var kc = KcProcess.Start("run", "--target", "inprocess", "--no-browser", "--workers", "1", "--out", output.Directory);
        await kc.WaitForLineAsync("the run's first result", l => KcProcess.IsResultLine(l, 1), Patience.For("./kc run's first results", TimeSpan.FromSeconds(120)));
        var tree = kc.Tree();

        kc.Signal("KILL");

        await ProcessTree.AllEndedAsync(tree, Patience.For("the CLI's and smtp4dev's stop after kc was killed", TimeSpan.FromSeconds(60)), kc);
        var run = Directory.GetDirectories(output.Directory).Single(d => Path.GetFileName(d) != "latest");
        File.ReadAllText(Path.Combine(run, "summary.md")).Should().Contain("INTERRUPTED by SIGTERM", "the CLI stopped when kc died, it did not run on unattended");
    }

    [Test]
    public async Task Kc_double_serve_stops_on_sigterm()
    {
        using var kratos = await DoubleServe.StartAsync("smtp://127.0.0.1:25/?disable_starttls=true", new Dictionary<string, string>(), Patience);
        var tree = kratos.Process.Tree();

        kratos.Process.Signal("TERM");

        (await kratos.Process.ExitCodeAsync(Patience.For("./kc double serve's stop", TimeSpan.FromSeconds(30)))).Should().Be(0, kratos.Process.Output);
        kratos.Process.Lines.Should().Contain(l => l.Contains("msg=Admin httpd was shutdown gracefully", StringComparison.Ordinal));
        await ProcessTree.AllEndedAsync(tree, Patience.For("./kc double serve's processes", TimeSpan.FromSeconds(30)));
    }

    private static async Task RequireDockerAsync()
    {
        if (await DockerEnvironment.CheckAvailableAsync() is { } noDocker)
        {
            Assert.Ignore(noDocker);
        }
    }

    private static async Task<List<LabelledResource>> SessionResourcesAsync(KcProcess kc) =>
        [.. (await LeftoverSweep.ListAsync()).Where(r => kc.OwnsSession(r.Session))];
}
