using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// kc merge: shards of one run become one run folder of a single run's form with one verdict; a missing shard makes it
/// INCOMPLETE and an interrupted one INTERRUPTED (never green); shards of different runs are refused with exit 2.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MergeTests
{
    private static readonly string[] Selection = ["login.code-mfa.aal2.native", "login.code-mfa.aal2.spa", "login.totp.aal2.browser"];

    [Test]
    public void Two_shards_merge_into_one_report_of_a_single_runs_form()
    {
        using var files = new TempFiles();
        var a = WriteShard(files, "a", 1, 2);
        var b = WriteShard(files, "b", 2, 2);
        var outDir = Path.Combine(files.Directory, "merged");

        var (code, output, _) = Kc.Invoke("merge", a, b, "--out", outDir);

        code.Should().Be(ExitCodes.Passed, output);
        var merged = ResultsJsonReader.Read(outDir);
        merged.Tests.Select(t => t.Id).Should().Equal(Selection);
        merged.Verdict.Should().Be("passed");
        merged.Run.Shard.Should().BeNull();
        merged.Run.Notes["merged"].Should().Contain("2 of 2 shards");
        foreach (var file in new[] { "results.json", "junit.xml", "summary.md", "index.html" })
        {
            File.Exists(Path.Combine(outDir, file)).Should().BeTrue(file);
        }

        merged.Tests.Single(t => t.Id == "login.totp.aal2.browser").EvidenceFiles.Should().Equal("evidence/login.totp.aal2.browser/steps.jsonl");
    }

    [Test]
    public void A_missing_shard_makes_the_merge_incomplete_never_green()
    {
        using var files = new TempFiles();
        var a = WriteShard(files, "a", 1, 2);
        Directory.CreateDirectory(Path.Combine(files.Directory, "b-died"));
        var outDir = Path.Combine(files.Directory, "merged");

        var (code, output, error) = Kc.Invoke("merge", a, Path.Combine(files.Directory, "b-died"), "--out", outDir);

        code.Should().Be(ExitCodes.Failed);
        error.Should().Contain("holds no results.json");
        output.Should().Contain("INCOMPLETE (shard 2/2 missing from the merge");
        var merged = ResultsJsonReader.Read(outDir);
        merged.Verdict.Should().Be("incomplete");
        merged.Tests.Select(t => t.Id).Should().Equal(Selection, "the tests the missing shard owed are listed as not run");
        merged.Tests.Single(t => t.Id == "login.code-mfa.aal2.spa").Outcome.Should().Be(TestOutcome.Interrupted);
        File.ReadAllText(Path.Combine(outDir, "summary.md")).Should().Contain("INCOMPLETE");
    }

    [Test]
    public void An_interrupted_shard_makes_the_merge_interrupted()
    {
        using var files = new TempFiles();
        var a = WriteShard(files, "a", 1, 2, interruption: "SIGTERM");
        var b = WriteShard(files, "b", 2, 2);
        var outDir = Path.Combine(files.Directory, "merged");

        var (code, _, _) = Kc.Invoke("merge", a, b, "--out", outDir);

        code.Should().Be(ExitCodes.Failed);
        ResultsJsonReader.Read(outDir).Run.Interruption.Should().Be("SIGTERM in shard 1/2");
    }

    [TestCase("version", "Kratos version differ ('v26.2.0' vs 'v25.4.0')")]
    [TestCase("config", "config and options (--config, --schema, images, mail, UI) differ ('abc' vs 'other')")]
    [TestCase("target", "target differ ('inprocess' vs 'containers')")]
    [TestCase("count", "number of shards differ ('2' vs '3')")]
    public void Shards_of_different_runs_are_refused(string difference, string expected)
    {
        using var files = new TempFiles();
        var a = WriteShard(files, "a", 1, 2);
        var b = WriteShard(files, "b", 2, difference == "count" ? 3 : 2, run => difference switch
        {
            "version" => run with { KratosVersion = "v25.4.0" },
            "config" => run with { Shard = run.Shard! with { SetupSha256 = "other" } },
            "target" => run with { Target = "containers" },
            _ => run,
        });

        var (code, _, error) = Kc.Invoke("merge", a, b, "--out", Path.Combine(files.Directory, "merged"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("kc merge: error: ").And.Contain("are shards of different runs").And.Contain(expected);
        Directory.Exists(Path.Combine(files.Directory, "merged")).Should().BeFalse("nothing is written");
    }

    [Test]
    public void The_same_shard_twice_and_an_unsharded_run_are_refused()
    {
        using var files = new TempFiles();
        var a = WriteShard(files, "a", 1, 2);
        var again = WriteShard(files, "again", 1, 2);
        var plain = WriteShard(files, "plain", 1, 1, run => run with { Shard = null });

        Kc.Invoke("merge", a, again, "--out", Path.Combine(files.Directory, "m1")).Error.Should().Contain("shard 1/2 was given twice");
        Kc.Invoke("merge", a, plain, "--out", Path.Combine(files.Directory, "m2")).Error.Should().Contain("is not a shard: its run had no --shard i/n");
        Kc.Invoke("merge", a, Path.Combine(files.Directory, "typo"), "--out", Path.Combine(files.Directory, "m3")).Code.Should().Be(ExitCodes.BadInput);
    }

    private static string WriteShard(TempFiles files, string name, int index, int count, Func<RunMetadata, RunMetadata>? change = null, string? interruption = null)
    {
        var dir = Path.Combine(files.Directory, name);
        var mine = Selection.Where((_, i) => i % count == index - 1).ToList();
        foreach (var id in mine)
        {
            files.Write(Path.Combine(name, "evidence", id, "steps.jsonl"), string.Empty);
        }

        var run = new RunMetadata
        {
            RunId = name, Target = "inprocess", KratosVersion = "v26.2.0", ConfigHash = "abc", HarnessVersion = "1",
            StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Interruption = interruption,
            Shard = new ShardInfo { Index = index, Count = count, Balance = "id", SetupSha256 = "abc", Selection = Selection },
        };
        var result = new RunResult
        {
            Run = change is null ? run : change(run),
            Tests = [.. mine.Select(id => new TestResult { Id = id, Scenario = id.Split('.')[^2], Client = id.Split('.')[^1], Outcome = TestOutcome.Passed })],
        };
        ResultsJsonWriter.WriteAsync(result, dir).GetAwaiter().GetResult();
        return dir;
    }
}
