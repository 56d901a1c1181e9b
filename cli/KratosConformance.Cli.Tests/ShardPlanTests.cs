using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Running;
using KratosConformance.Harness.Targets;
using KratosConformance.Runner;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// --shard i/n: the shards of a selection are disjoint, cover it, and are computed alike on every runner; a bad value,
/// a --durations file that can not be read and a shard that would be empty are refused up front with exit 2.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ShardPlanTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 23).Select(i => $"login.code-mfa.s{i:00}.spa")];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void The_shards_of_a_selection_are_disjoint_and_cover_it(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => ShardPlanner.Select(Ids, new Shard(i, count))).ToList();

        shards.SelectMany(s => s).Should().BeEquivalentTo(Ids).And.OnlyHaveUniqueItems();
        shards.Max(s => s.Count).Should().BeLessThanOrEqualTo(shards.Min(s => s.Count) + 1, "by id, shards differ by at most one test");
    }

    [Test]
    public void The_split_does_not_depend_on_the_order_the_ids_come_in()
    {
        var reversed = Ids.Reverse().ToList();

        ShardPlanner.Select(reversed, new Shard(2, 3)).Should().BeEquivalentTo(ShardPlanner.Select(Ids, new Shard(2, 3)));
    }

    [Test]
    public void Durations_balance_the_shards_by_time_and_unknown_tests_count_as_the_median()
    {
        var durations = Ids.Select((id, i) => (id, ms: i == 0 ? 10_000.0 : 100.0)).Take(20).ToDictionary(t => t.id, t => t.ms);

        var first = ShardPlanner.Select(Ids, new Shard(1, 2), durations);
        var second = ShardPlanner.Select(Ids, new Shard(2, 2), durations);

        first.Should().BeEquivalentTo([Ids[0]], "the one long test fills a shard on its own");
        second.Should().HaveCount(Ids.Length - 1);
        first.Concat(second).Should().BeEquivalentTo(Ids);
    }

    [TestCase("0/2", "the shard number must be 1 to 2")]
    [TestCase("3/2", "the shard number must be 1 to 2")]
    [TestCase("1/0", "the number of shards must be 1 to 256")]
    [TestCase("1-2", "is not of the form i/n")]
    [TestCase("a/b", "is not of the form i/n")]
    public void A_bad_shard_is_refused_before_anything_runs(string value, string expected)
    {
        var (code, output, error) = Kc.Invoke("run", "--target", "inprocess", "--shard", value);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(expected).And.NotContain("   at ");
        output.Should().NotContain("kc run: target", "nothing started");
    }

    [Test]
    public void A_missing_durations_file_is_refused_naming_it_and_the_fix()
    {
        using var files = new TempFiles();
        var missing = Path.Combine(files.Directory, "nope.json");

        var (code, _, error) = Kc.Invoke("run", "--target", "inprocess", "--shard", "1/2", "--durations", missing);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith($"kc run: error: --durations {missing}: ").And.Contain("leave --durations out to shard by test id");
    }

    [Test]
    public void A_corrupt_durations_file_is_refused_with_its_line()
    {
        using var files = new TempFiles();
        var corrupt = files.Write("results.json", "{\"schemaVersion\": 1, \"run\": {");

        var (code, _, error) = Kc.Invoke("run", "--target", "inprocess", "--shard", "1/2", "--durations", corrupt);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("is not a valid results file at line 1");
    }

    [Test]
    public void Durations_without_a_shard_are_refused()
    {
        using var files = new TempFiles();
        var (code, _, error) = Kc.Invoke("run", "--target", "inprocess", "--durations", files.Write("results.json", "{}"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--durations balances shards: give --shard i/n with it");
    }

    [Test]
    public void Shards_record_the_setup_by_the_configs_content_not_its_path()
    {
        using var files = new TempFiles();
        var filter = new ConformanceTestFilter(["login.code-mfa.aal2.*"], includeBrowser: false);
        string Setup(string name, string yaml) => ShardSelection.Plan(filter, new Shard(1, 2), null, new HarnessSettings { ConfigFile = files.Write(name, yaml) }).Info.SetupSha256!;

        Setup("a/kratos.yml", "dsn: memory\n").Should().Be(Setup("b/kratos.yml", "dsn: memory\n"), "runners check the config out to different folders");
        Setup("c/kratos.yml", "dsn: memory\n").Should().NotBe(Setup("d/kratos.yml", "dsn: sqlite\n"));
    }

    [Test]
    public void More_shards_than_selected_tests_are_refused()
    {
        var (code, _, error) = Kc.Invoke("run", "--target", "inprocess", "--only", "login.code-mfa.aal2.native", "--shard", "2/2");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--shard 2/2: the selection has 1 test(s), fewer than 2 shards");
    }
}
