using FluentAssertions;
using KratosConformance.Reports.Compare;
using KratosConformance.Reports.Model;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

public sealed class CompareTests
{
    private string _a = "";
    private string _b = "";
    private RunComparison _comparison = null!;

    [OneTimeSetUp]
    public void CompareV25WithV26()
    {
        _a = SyntheticRun.WriteV25(SyntheticRun.TempDirectory());
        _b = SyntheticRun.WriteV26(SyntheticRun.TempDirectory());
        _comparison = RunComparer.Compare(_a, _b);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        Directory.Delete(_a, recursive: true);
        Directory.Delete(_b, recursive: true);
    }

    [Test]
    public void Finds_outcome_changes_and_tests_in_one_run_only()
    {
        _comparison.OutcomeChanges.Should().ContainSingle()
            .Which.Should().Match<OutcomeChange>(o => o.Id == "login.code-mfa.wrong-code.browser"
                && o.Before == TestOutcome.Failed && o.After == TestOutcome.Passed);
        _comparison.OnlyInA.Select(t => t.Id).Should().Equal("login.code-mfa.whoami-aal1.native");
        _comparison.OnlyInB.Select(t => t.Id).Should().Equal("login.code-mfa.resend.native");
    }

    [Test]
    public void Finds_the_reworded_1010014_ignoring_the_address()
    {
        var change = _comparison.MessageTextChanges.Should().ContainSingle().Which;

        change.MessageId.Should().Be(1010014);
        change.TextsA.Should().Equal(SyntheticRun.OldText1010014);
        change.TextsB.Should().Equal("A code has been sent to <address>. " + SyntheticRun.NewText1010014);
    }

    [Test]
    public void Shows_the_auto_sent_code_as_a_changed_creation_step_and_a_send_step_only_in_A()
    {
        var diff = _comparison.TestDiffs.Single(d => d.Id == "login.code-mfa.aal2.spa");

        diff.HttpStepsA.Should().Be(4);
        diff.HttpStepsB.Should().Be(3);
        diff.Steps.Should().HaveCount(2);
        var creation = diff.Steps[0];
        creation.Kind.Should().Be(StepDiffKind.Changed);
        creation.Request.Should().Be("GET /self-service/login/api");
        creation.Changes.Select(c => c.Describe()).Should().Equal(
            "state: choose_method → sent_email",
            "ui.messages: −1010004 +1010014",
            "nodes: −code/address/submit:1010023 +code/code/input:1070012 +code/method/submit:1070005");
        var sendCode = diff.Steps[1];
        sendCode.Kind.Should().Be(StepDiffKind.OnlyInA);
        sendCode.Label.Should().Be("send code");
        ComparisonText.Step(sendCode).Should().Be("only in A: #6 POST /self-service/login (send code) → 400 state=sent_email [1010014]");
    }

    [Test]
    public void Identical_runs_have_no_differences_despite_new_flow_ids()
    {
        var again = SyntheticRun.WriteV26(SyntheticRun.TempDirectory());
        try
        {
            var comparison = RunComparer.Compare(_b, again);

            comparison.HasDifferences.Should().BeFalse();
            ComparisonText.Headline(comparison).Should().Be("no differences (4 tests in both)");
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Test]
    public void Renderings_carry_the_same_findings()
    {
        var text = ComparisonTextWriter.Render(_comparison);
        var md = ComparisonMarkdownWriter.Render(_comparison);
        var html = ComparisonHtmlWriter.Render(_comparison);

        text.Should().Contain("login.code-mfa.wrong-code.browser: failed → passed").And.Contain("only in A: #6 POST /self-service/login (send code)");
        md.Should().Contain("| `login.code-mfa.wrong-code.browser` | ✗ | ✓ |").And.Contain("| 1010014 |");
        html.Should().Contain("state: choose_method → sent_email").And.Contain("1010014").And.NotContain("<script>alert");
    }
}
