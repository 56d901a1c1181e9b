using FluentAssertions;
using KratosConformance.Reports.Baselines;
using KratosConformance.Reports.Model;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

public sealed class BaselineTests
{
    private static readonly RunResult Run = SyntheticRun.Result("v26.2.0",
        SyntheticRun.Test("aal2", "spa", TestOutcome.Failed, "message 4010008 missing"),
        SyntheticRun.Test("aal2", "native", TestOutcome.Passed),
        SyntheticRun.Test("whoami-aal1", "spa", TestOutcome.NotApplicable, "not applicable: overlay off"));

    private static Baseline Entries(params (string Id, string Reason)[] entries) =>
        new("baseline.json", entries.Select(e => new BaselineEntry(e.Id, e.Reason)).ToList());

    [Test]
    public void A_listed_failure_becomes_an_expected_failure_with_the_reason()
    {
        var applied = BaselineApplier.Apply(Run, Entries(("login.code-mfa.aal2.spa", "KRATOS-1: 4010008 not sent")));

        var test = applied.Result.Tests[0];
        test.Outcome.Should().Be(TestOutcome.ExpectedFailure);
        test.BaselineNote.Should().Be("KRATOS-1: 4010008 not sent");
        test.Message.Should().Be("message 4010008 missing");
        RunVerdict.Of(applied.Result.Summary).Passed.Should().BeTrue();
        applied.Unused.Should().BeEmpty();
    }

    [Test]
    public void A_listed_test_that_passes_fails_the_run()
    {
        var applied = BaselineApplier.Apply(Run with { Tests = [Run.Tests[1]] }, Entries(("login.code-mfa.aal2.native", "KRATOS-2")));

        var test = applied.Result.Tests[0];
        test.Outcome.Should().Be(TestOutcome.Failed);
        test.BaselineNote.Should().Be("expected to fail (baseline: KRATOS-2) but passed: remove it from the baseline");
        RunVerdict.Of(applied.Result.Summary).Line.Should().Be("FAILED: 1 failed, 0 passed (1 test)");
    }

    [Test]
    public void Entries_for_absent_or_not_applicable_tests_are_reported_as_unused_and_noted()
    {
        var applied = BaselineApplier.Apply(Run, Entries(
            ("login.code-mfa.resend.browser", "KRATOS-3"),
            ("login.code-mfa.whoami-aal1.spa", "KRATOS-4")));

        applied.Unused.Select(u => u.ToString()).Should().Equal(
            "login.code-mfa.resend.browser: test not in this run (baseline reason: KRATOS-3)",
            "login.code-mfa.whoami-aal1.spa: test not applicable: not applicable: overlay off (baseline reason: KRATOS-4)");
        applied.Result.Run.Notes.Should().Contain("baseline.unused.login.code-mfa.resend.browser", "test not in this run (baseline reason: KRATOS-3)");
        applied.Result.Run.Notes.Should().Contain("baseline.file", "baseline.json");
        applied.Result.Tests[2].Outcome.Should().Be(TestOutcome.NotApplicable);
    }

    [Test]
    public void A_missing_file_says_which_file()
    {
        var act = () => BaselineLoader.Load("/nonexistent/baseline.json");

        act.Should().Throw<BaselineException>().Which.Message.Should().StartWith("Baseline /nonexistent/baseline.json: file not found");
    }

    [Test]
    public void Bad_json_names_line_and_column()
    {
        var act = () => BaselineLoader.Parse("{\n  \"expectedFailures\": [\n    { \"id\": \"login.code-mfa.aal2.spa\" \"reason\": \"x\" }\n  ]\n}", "b.json");

        act.Should().Throw<BaselineException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith("not valid JSON at line 3, column 39: ");
    }

    [Test]
    public void Every_bad_entry_is_reported_with_its_position()
    {
        const string json = """
            { "expectedFailures": [
                { "reason": "no id" },
                { "id": "login.code-mfa.aal2.spa" },
                { "id": "aal2.spa", "reason": "short id" },
                { "id": "login.code-mfa.aal2.desktop", "reason": "unknown client" }
            ] }
            """;

        var act = () => BaselineLoader.Parse(json, "b.json");

        var problems = act.Should().Throw<BaselineException>().Which.Problems;
        problems.Should().Equal(
            "expectedFailures[0] has no \"id\".",
            "expectedFailures[1] (login.code-mfa.aal2.spa) has no \"reason\": say why the failure is expected, so others can tell when to remove it.",
            "expectedFailures[2].id \"aal2.spa\" is not a test id: expected <login|settings|recovery>.<factor>.<scenario>.<client> (e.g. login.code-mfa.aal2.spa) with client one of browser, spa, native, browser-ui.",
            "expectedFailures[3].id \"login.code-mfa.aal2.desktop\" is not a test id: expected <login|settings|recovery>.<factor>.<scenario>.<client> (e.g. login.code-mfa.aal2.spa) with client one of browser, spa, native, browser-ui.");
    }

    [Test]
    public void A_good_file_loads_with_comments_and_trailing_commas()
    {
        var baseline = BaselineLoader.Parse("""
            // v26.2.0 on staging
            { "expectedFailures": [ { "id": "login.code-mfa.aal2.browser-ui", "reason": "UI not deployed" }, ] }
            """, "b.json");

        baseline.ExpectedFailures.Should().Equal(new BaselineEntry("login.code-mfa.aal2.browser-ui", "UI not deployed"));
    }
}
