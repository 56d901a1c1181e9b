using System.Globalization;

namespace KratosConformance.Containers.Tests;

/// <summary>
/// The owner label tells a live run from a dead one, also when the PID was recycled: before, the start-up sweep judged
/// by container state and removed a live concurrent run's containers while they were <c>created</c>.
/// </summary>
public sealed class RunOwnerTests
{
    [Test]
    public void This_process_is_alive_and_its_label_reads_back()
    {
        var self = RunOwner.Current ?? throw new InconclusiveException("no /proc here");

        RunOwner.Parse(self.LabelValue).Should().Be(self);
        self.State().Should().Be(OwnerState.Alive);
        DockerEnvironment.SessionLabels[RunOwner.Label].Should().Be(self.LabelValue, "every resource the project starts carries its owner");
    }

    [Test]
    public void A_recycled_pid_an_unused_pid_and_another_boot_are_gone()
    {
        var self = RunOwner.Current ?? throw new InconclusiveException("no /proc here");

        (self with { StartTicks = self.StartTicks + 1 }).State().Should().Be(OwnerState.Gone, "same PID, later process: not the owner");
        (self with { Pid = PidMax() }).State().Should().Be(OwnerState.Gone, "no process can have PID pid_max");
        (self with { BootId = Guid.NewGuid().ToString() }).State().Should().Be(OwnerState.Gone, "a reboot ended every process");
    }

    [Test]
    public void Another_pid_namespace_or_a_foreign_label_is_never_judged_gone()
    {
        var self = RunOwner.Current ?? throw new InconclusiveException("no /proc here");

        (self with { PidNamespace = "1", StartTicks = 1 }).State().Should().Be(OwnerState.Unknown);
        LeftoverSweep.StateOf(new Dictionary<string, string> { [RunOwner.Label] = "not an owner" }).Should().Be(OwnerState.Unknown);
        LeftoverSweep.StateOf(new Dictionary<string, string>()).Should().Be(OwnerState.Unknown);
    }

    [Test]
    public void Older_runs_without_an_owner_label_are_gone_only_when_their_pid_is()
    {
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var unused = PidMax().ToString(CultureInfo.InvariantCulture);

        LeftoverSweep.StateOf(Session($"kc-1764510000-{unused}")).Should().Be(OwnerState.Gone);
        LeftoverSweep.StateOf(Session($"kc-20261130-154500-{unused}-1a2b")).Should().Be(OwnerState.Gone);
        LeftoverSweep.StateOf(Session($"kc-1764510000-{pid}")).Should().Be(OwnerState.Alive);
        LeftoverSweep.StateOf(Session("someone-else")).Should().Be(OwnerState.Unknown);
    }

    internal static int PidMax() => int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Session(string id) => new() { [DockerEnvironment.SessionLabel] = id };
}
