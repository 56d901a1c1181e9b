using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The three lookup snapshots no Kratos test writes any more (<see cref="FactorSnapshotTests.Orphans"/>,
/// fixtures/reference/NOTICE) are covered too: each is what the current test's snapshot
/// (<c>…reveal_button_and_show_disable_button</c>, compared with the double) shows without the disable button, the
/// output of the Kratos version before lookup_secret_disable existed. So they are stale, not a behaviour the double
/// leaves unchecked; a tag whose orphan differed otherwise would fail here.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OrphanSnapshotTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from version in new[] { "v26.2.0", "v25.4.0", "v1.3.1" }
        from orphan in FactorSnapshotTests.Orphans
        select new TestCaseData(version, orphan).SetArgDisplayNames(version, orphan);

    [TestCaseSource(nameof(Cases))]
    public void Orphan_is_the_current_snapshot_without_the_disable_button(string version, string orphan)
    {
        var current = orphan.Replace("reveal_button-case=", "reveal_button_and_show_disable_button-case=", StringComparison.Ordinal);
        var stale = Read(version, orphan);
        var now = Read(version, current);

        var withoutDisable = new JsonArray([.. now.Where(n => (string?)n!["attributes"]!["name"] != "lookup_secret_disable").Select(n => n!.DeepClone())]);

        now.Count.Should().Be(stale.Count + 1, "the current snapshot adds exactly the disable button ({0})", current);
        JsonNode.DeepEquals(withoutDisable, stale).Should().BeTrue("{0} must equal {1} without lookup_secret_disable", orphan, current);
    }

    private static JsonArray Read(string version, string file) =>
        JsonNode.Parse(File.ReadAllText(ReferenceFiles.Require(Path.Combine("kratos-snapshots", version, "factors", file))))!.AsArray();
}
