using FluentAssertions;
using KratosConformance.Reports.Compare;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

/// <summary>kc compare lists the checks whose outcome changed between two runs, and those run in one run only.</summary>
public sealed class CheckChangeTests
{
    [Test]
    public void A_check_that_stopped_passing_or_running_is_a_change()
    {
        var a = SyntheticRun.Test("aal2", "spa", TestOutcome.Passed) with { Checks = [Check("message.text", CheckOutcome.Passed), Check("message.text", CheckOutcome.Passed), Check("flow.state", CheckOutcome.Passed), Check("cookie.session.max-age", CheckOutcome.Passed)] };
        var b = a with { Checks = [Check("message.text", CheckOutcome.Passed), Check("message.text", CheckOutcome.Failed), Check("flow.state", CheckOutcome.Passed)] };

        var changes = CheckChange.Between([a], [b]);

        changes.Select(c => c.ToString()).Should().Equal(
            "login.code-mfa.aal2.spa cookie.session.max-age: passed ×1 → not run",
            "login.code-mfa.aal2.spa message.text: passed ×2 → passed ×1, failed ×1");
    }

    private static CheckEvidence Check(string id, CheckOutcome outcome) => new() { Id = id, Outcome = outcome, Condition = id };
}
