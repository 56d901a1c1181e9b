using FluentAssertions;
using KratosConformance.Reports.Output;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

public sealed class RunDirectoryTests
{
    [Test]
    public void Creates_run_folders_and_moves_latest_only_when_told()
    {
        var root = SyntheticRun.TempDirectory();
        try
        {
            var at = new DateTimeOffset(2026, 11, 28, 18, 15, 0, TimeSpan.Zero);
            var first = RunDirectory.Create(root, at);
            first.PointLatestHere();
            var second = RunDirectory.Create(root, at);
            new DirectoryInfo(Path.Combine(root, "latest")).LinkTarget.Should().Be(first.RunId, "a run folder alone does not move latest: its results are not written yet");
            second.PointLatestHere();

            first.RunId.Should().MatchRegex("^20261128-181500-[0-9a-f]{4}$");
            second.RunId.Should().NotBe(first.RunId);
            Directory.Exists(Path.Combine(first.Path, "evidence")).Should().BeTrue("the first run is kept");
            var latest = new DirectoryInfo(Path.Combine(root, "latest"));
            latest.LinkTarget.Should().Be(second.RunId);
            RunDirectory.Open(latest.FullName).Path.Should().Be(second.Path);
            Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Should().BeEquivalentTo(first.RunId, second.RunId, "latest");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
