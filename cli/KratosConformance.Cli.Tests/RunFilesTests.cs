using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Running;
using KratosConformance.Reports.Baselines;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// The files kc reads besides options: a run's results.json (compare) and a baseline. A broken one is one message and
/// exit 2 (a corrupt results.json used to end compare with exit 134 and a stack trace); an interrupted run is refused.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RunFilesTests
{
    [Test]
    public void A_corrupt_results_file_is_refused_with_its_line_and_column()
    {
        using var files = new TempFiles();
        files.Write("a/results.json", "{\"schemaVersion\": 1, \"run\": {");

        var (code, _, error) = Kc.Invoke("compare", Path.Combine(files.Directory, "a"), Path.Combine(files.Directory, "a"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("kc compare: error: run A: ").And.Contain("results.json is not a valid results file at line 1, column 30");
        error.Should().NotContain("   at ", "no stack trace");
    }

    [Test]
    public void An_interrupted_run_is_refused_by_compare()
    {
        using var files = new TempFiles();
        var complete = WriteRun(files, "complete", interruption: null);
        var interrupted = WriteRun(files, "interrupted", interruption: "SIGINT");

        var (code, _, error) = Kc.Invoke("compare", complete, interrupted);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"run B ({interrupted}) was interrupted by SIGINT: 1 of its 2 tests did not finish");
    }

    [Test]
    public void Two_complete_runs_are_compared_and_the_interrupted_outcome_round_trips()
    {
        using var files = new TempFiles();
        var a = WriteRun(files, "a", interruption: null);
        var b = WriteRun(files, "b", interruption: null);

        var (code, output, _) = Kc.Invoke("compare", a, Path.Combine(b, "results.json"), "--out", files.Directory);

        code.Should().Be(ExitCodes.Passed);
        output.Should().Contain("written: " + Path.Combine(files.Directory, "compare.md"));
        var read = ResultsJsonReader.Read(WriteRun(files, "c", interruption: "SIGTERM"));
        read.Run.Interruption.Should().Be("SIGTERM");
        read.Verdict.Should().Be("interrupted");
        read.Tests.Should().Contain(t => t.Outcome == TestOutcome.Interrupted);
        read.Summary.Interrupted.Should().Be(1);
    }

    [Test]
    public void A_broken_baseline_names_every_problem_and_is_a_user_error()
    {
        using var files = new TempFiles();
        var path = files.Write("baseline.json", "{\"expectedFailures\":[{\"id\":\"login.code-mfa.aal2.spa\"},{\"id\":\"nope\",\"reason\":\"r\"}]}");

        var act = () => BaselineFile.Load(path);

        var thrown = act.Should().Throw<BaselineException>().Which;
        thrown.Problems.Should().HaveCount(2);
        UserErrors.Is(thrown).Should().BeTrue();
        BaselineFile.Load(files.Write("ok.json", "{\"expectedFailures\":[{\"id\":\"login.code-mfa.aal2.spa\",\"reason\":\"known\"}]}")).ExpectedFailures.Should().ContainSingle();
    }

    private static string WriteRun(TempFiles files, string name, string? interruption)
    {
        var dir = Path.Combine(files.Directory, name);
        Directory.CreateDirectory(dir);
        var result = new RunResult
        {
            Run = new RunMetadata { RunId = name, StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Interruption = interruption },
            Tests =
            [
                new TestResult { Id = "login.code-mfa.aal2.spa", Scenario = "aal2", Client = "spa", Outcome = TestOutcome.Passed },
                new TestResult { Id = "login.code-mfa.aal2.native", Scenario = "aal2", Client = "native", Outcome = interruption is null ? TestOutcome.Passed : TestOutcome.Interrupted },
            ],
        };
        ResultsJsonWriter.WriteAsync(result, dir).GetAwaiter().GetResult();
        return dir;
    }
}
