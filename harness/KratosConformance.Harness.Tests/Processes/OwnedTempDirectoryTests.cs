using System.Globalization;
using FluentAssertions;
using KratosConformance.Containers;
using KratosConformance.Harness.Processes;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Processes;

/// <summary>
/// The sweep of temp folders removes a dead owner's and never a live owner's, judged by PID and exact start ticks:
/// before, the wall-clock start second could differ by one between two processes, and a concurrent run deleted a live
/// run's smtp4dev folder.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OwnedTempDirectoryTests
{
    private const string Prefix = "kc-owned-test-";

    [Test]
    public void A_live_owners_folder_stays_and_a_gone_owners_goes()
    {
        var self = RunOwner.Current ?? throw new InconclusiveException("no /proc here");
        var pidMax = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        var mine = OwnedTempDirectory.Create(Prefix);
        var recycled = Make($"{self.Pid}-t{self.StartTicks + 1}-x1");
        var olderLive = Make($"{self.Pid}-1764510000-x2");
        var olderGone = Make($"{pidMax}-1764510000-x3");
        var foreign = Make("not-an-owner");
        try
        {
            OwnedTempDirectory.SweepDeadOwners(Prefix);

            Path.GetFileName(mine).Should().StartWith($"{Prefix}{self.Pid}-t{self.StartTicks}-");
            Directory.Exists(mine).Should().BeTrue("its owner (this process) runs");
            Directory.Exists(recycled).Should().BeFalse("same PID, another start: its owner is gone");
            Directory.Exists(olderLive).Should().BeTrue("the older form is judged by PID only, and this PID runs");
            Directory.Exists(olderGone).Should().BeFalse("no process has PID pid_max");
            Directory.Exists(foreign).Should().BeTrue("folders of other shapes are left alone");
        }
        finally
        {
            foreach (var dir in new[] { mine, recycled, olderLive, olderGone, foreign })
            {
                OwnedTempDirectory.TryDelete(dir);
            }
        }
    }

    private static string Make(string rest) => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Prefix + rest)).FullName;
}
