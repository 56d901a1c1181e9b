using FluentAssertions;
using KratosConformance.Reports.Model;
using KratosConformance.Runner;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// The kill matrix's verdict, without running suites: a deviation is caught when a test fails at the first version
/// that shows it; interrupted or not-applicable tests catch nothing; a missed deviation fails ./kc test.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DeviationVerdictTests
{
    private static readonly string[] Versions = ["v26.2.0", "v25.4.0", "v1.3.1"];

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> AllPassedClean = Versions.ToDictionary(
        v => v, IReadOnlySet<string> (_) => new HashSet<string>(["login.code-mfa.a.spa", "login.code-mfa.b.spa", "login.code-mfa.c.spa"]));

    [Test]
    public void Caught_at_the_default_version_tries_no_other()
    {
        var tried = new List<string>();

        var verdict = DeviationVerdict.Decide("d", Versions, AllPassedClean, v => Record(tried, v, Result("login.code-mfa.b.spa", TestOutcome.Failed), Result("login.code-mfa.a.spa", TestOutcome.Failed)));

        verdict.Caught.Should().BeTrue();
        verdict.Version.Should().Be("v26.2.0");
        verdict.Killers.Should().Equal("login.code-mfa.a.spa", "login.code-mfa.b.spa");
        tried.Should().Equal("v26.2.0");
    }

    [Test]
    public void A_deviation_the_default_version_can_not_show_is_tried_at_older_versions_in_order()
    {
        var tried = new List<string>();

        var verdict = DeviationVerdict.Decide("d", Versions, AllPassedClean, v => Record(tried, v, Result("login.code-mfa.a.spa", v == "v25.4.0" ? TestOutcome.Failed : TestOutcome.Passed)));

        verdict.Version.Should().Be("v25.4.0");
        tried.Should().Equal("v26.2.0", "v25.4.0");
    }

    [Test]
    public void Interrupted_and_not_applicable_tests_catch_nothing()
    {
        var verdict = DeviationVerdict.Decide("d", Versions, AllPassedClean, _ =>
            [Result("login.code-mfa.a.spa", TestOutcome.Interrupted), Result("login.code-mfa.b.spa", TestOutcome.NotApplicable), Result("login.code-mfa.c.spa", TestOutcome.Passed)]);

        verdict.Caught.Should().BeFalse();
        verdict.Version.Should().Be("v1.3.1", "every version was tried");
        DeviationVerdict.Tally([verdict, verdict with { Killers = ["x"] }]).Should().Be(new TestTally("kill matrix", 1, 1, 0));
    }

    [Test]
    public void A_test_that_fails_without_the_deviation_too_catches_nothing()
    {
        var passedClean = Versions.ToDictionary(v => v, IReadOnlySet<string> (v) => new HashSet<string>(v == "v1.3.1" ? ["login.code-mfa.a.spa"] : []));

        var verdict = DeviationVerdict.Decide("d", Versions, passedClean, _ => [Result("login.code-mfa.a.spa", TestOutcome.Failed), Result("login.code-mfa.b.spa", TestOutcome.Failed)]);

        verdict.Version.Should().Be("v1.3.1", "at the newer versions the failing tests failed in the clean run as well");
        verdict.Killers.Should().Equal("login.code-mfa.a.spa");
    }

    [Test]
    public void A_clean_version_run_counts_interrupted_tests_as_failed()
    {
        var tally = DeviationVerdict.VersionTally("v26.2.0",
        [
            Result("login.code-mfa.a.spa", TestOutcome.Passed),
            Result("login.code-mfa.b.spa", TestOutcome.NotApplicable),
            Result("login.code-mfa.c.spa", TestOutcome.Interrupted),
            Result("login.code-mfa.d.spa", TestOutcome.Failed),
        ]);

        tally.Should().Be(new TestTally("emulate v26.2.0", 1, 2, 1));
    }

    [Test]
    public void A_matrix_needs_a_version()
    {
        var act = () => DeviationVerdict.Decide("d", [], AllPassedClean, _ => []);

        act.Should().Throw<ArgumentException>();
    }

    private static IReadOnlyList<TestResult> Record(List<string> tried, string version, params TestResult[] results)
    {
        tried.Add(version);
        return results;
    }

    private static TestResult Result(string id, TestOutcome outcome) =>
        new() { Id = id, Scenario = id.Split('.')[2], Client = "spa", Outcome = outcome };
}
