using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using KratosConformance.Reports.Evidence;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.SelfTests;

/// <summary>
/// Checks are records: a passed check is written into the evidence with what it read, a failure chosen as a warning
/// is recorded as warned and does not stop the test, and a stopping failure is recorded before it throws.
/// </summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class CheckRecordTests
{
    [Test]
    public void A_passed_check_is_evidence_with_its_id_condition_and_fields()
    {
        var (o, evidence) = Observed(400);

        FlowChecks.State(o, "sent_email", "the code was sent, spec §2.4");

        var check = evidence.Steps.Select(s => s.Check).OfType<CheckEvidence>().Last();
        Assert.That(check.Id, Is.EqualTo("flow.state"));
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Passed));
        Assert.That(check.Condition, Is.EqualTo("the flow's state to be sent_email"));
        Assert.That(check.Why, Is.EqualTo("the code was sent, spec §2.4"));
        Assert.That(check.Observed, Is.EqualTo("sent_email"));
        Assert.That(check.Fields, Is.EqualTo(new[] { "loginFlow.state" }));
        Assert.That(check.Situation, Is.EqualTo("after submitting a wrong code"));
    }

    [Test]
    public void A_warning_is_recorded_and_does_not_stop_the_test()
    {
        var (o, evidence) = Observed(200);

        Assert.DoesNotThrow(() => StatusChecks.Is(o.WarnOnFailure(), 400, "spec §3"));

        var check = evidence.Steps.Select(s => s.Check).OfType<CheckEvidence>().Single();
        Assert.That((check.Id, check.Outcome, check.Severity), Is.EqualTo(("response.status", CheckOutcome.Warned, CheckSeverity.Warn)));
    }

    [Test]
    public void A_stopping_failure_is_recorded_then_thrown()
    {
        var (o, evidence) = Observed(200);

        var failure = Assert.Throws<ConformanceCheckException>(() => StatusChecks.Is(o, 400, "spec §3"))!;

        Assert.That(failure.Failure.CheckId, Is.EqualTo("response.status"));
        Assert.That(evidence.Steps.Select(s => s.Check!.Outcome), Is.EqualTo(new[] { CheckOutcome.Failed }));
    }

    private static (Observation Observation, EvidenceRecorder Evidence) Observed(int status)
    {
        var evidence = EvidenceRecorder.Discarding();
        var flow = LoginFlow.Parse(new JsonObject { ["id"] = "6b1c2d3e-0000-4000-8000-000000000000", ["state"] = "sent_email", ["ui"] = new JsonObject() });
        var response = new KratosResponse { Status = status, RequestLine = $"POST /self-service/login?flow=6b1c… -> {status}", Flow = flow };
        return (new Observation("login.code-mfa.wrong-code.spa", "after submitting a wrong code", response) { Log = new CheckLog(evidence) }, evidence);
    }
}
