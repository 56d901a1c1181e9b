using KratosConformance.Client.Evidence;
using KratosConformance.Reports.Evidence;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The checks of one test: each evaluation becomes a step of kind check in steps.jsonl (id, outcome, condition, why,
/// what came back, the fields read), and a failure the caller chose to record rather than stop on is handed to NUnit
/// as a failed assertion, so the test goes on and still fails at its end with every such message.
/// </summary>
public sealed class CheckLog(EvidenceRecorder evidence)
{
    private readonly object _gate = new();
    private readonly List<CheckFailure> _recorded = [];

    /// <summary>Failures recorded with <see cref="CheckSeverity.Record"/> so far.</summary>
    public IReadOnlyList<CheckFailure> RecordedFailures
    {
        get
        {
            lock (_gate)
            {
                return _recorded.ToArray();
            }
        }
    }

    internal void Record(Observation o, CheckDefinition definition, FailureText text, CheckOutcome outcome, CheckSeverity severity) =>
        evidence.Record(new EvidenceStep
        {
            Seq = 0,
            Kind = EvidenceKind.Check,
            Title = (outcome == CheckOutcome.Passed ? "✓ " : outcome == CheckOutcome.Warned ? "! " : "✗ ") + definition.Id + ": " + text.Subject + " to " + text.Expectation,
            Check = new CheckEvidence
            {
                Id = definition.Id,
                Outcome = outcome,
                Severity = severity,
                Condition = text.Subject + " to " + text.Expectation,
                Why = text.Why,
                Situation = o.Situation,
                Observed = evidence.Masker.Mask(text.Observed),
                Request = string.IsNullOrEmpty(o.Response.RequestLine) ? null : o.Response.RequestLine,
                Fields = definition.Fields,
            },
        });

    internal void RecordFailure(CheckFailure failure)
    {
        lock (_gate)
        {
            _recorded.Add(failure);
        }

        // NUnit's own mechanism for a failure that does not end the test (Assert.Multiple uses it): the test's
        // result turns Failed when it completes, with this message.
        TestExecutionContext.CurrentContext.CurrentResult.RecordAssertion(AssertionStatus.Failed, failure.Render(), null);
    }
}
