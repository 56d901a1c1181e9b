using System.Collections.Concurrent;
using KratosConformance.Reports.Model;
using NUnit.Framework.Interfaces;

namespace KratosConformance.Runner;

/// <summary>
/// Turns NUnit's events into conformance results as tests finish (for live progress), and keeps them in finish order.
/// </summary>
public sealed class ResultCollector : ITestListener
{
    public const string NotApplicablePrefix = "not applicable:";

    private readonly ConcurrentQueue<TestResult> _results = new();
    private readonly Action<TestResult> _onFinished;
    private readonly Func<string, string?> _evidenceDirectoryOf;
    private string? _interruption;

    public ResultCollector(Action<TestResult> onFinished, Func<string, string?> evidenceDirectoryOf)
    {
        _onFinished = onFinished;
        _evidenceDirectoryOf = evidenceDirectoryOf;
    }

    public IReadOnlyList<TestResult> Results => _results.ToList();

    /// <summary>
    /// From now on, a test that finishes is <see cref="TestOutcome.Interrupted"/> with <paramref name="message"/>: it ran
    /// into the stop (NUnit cancels what had not started, a stopped target fails what was running), so its outcome says
    /// nothing about Kratos.
    /// </summary>
    public void Interrupt(string message) => Volatile.Write(ref _interruption, message);

    /// <summary>
    /// The results of an interrupted run: what finished before the stop, and every other selected test as
    /// <see cref="TestOutcome.Interrupted"/>, so the report lists the whole selection and no test silently disappears.
    /// </summary>
    public IReadOnlyList<TestResult> Complete(IEnumerable<ITest> selected, string message)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var results = _results.ToList();
        var seen = results.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var test in selected)
        {
            if (test.Properties.Get(PropertyNames.ConformanceId) is string id && seen.Add(id))
            {
                results.Add(Interrupted(test, id, message));
            }
        }

        return results;
    }

    public void TestStarted(ITest test)
    {
    }

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite || result.Test.Properties.Get(PropertyNames.ConformanceId) is not string id)
        {
            return;
        }

        var evidenceDir = _evidenceDirectoryOf(id);
        if (Volatile.Read(ref _interruption) is { } interruption)
        {
            var interrupted = Interrupted(result.Test, id, interruption) with { DurationMs = Math.Round(result.Duration * 1000, 1) };
            _results.Enqueue(interrupted);
            _onFinished(interrupted);
            return;
        }

        var converted = new TestResult
        {
            Id = id,
            Scenario = result.Test.Properties.Get(PropertyNames.Scenario) as string ?? string.Empty,
            Client = result.Test.Properties.Get(PropertyNames.Client) as string ?? string.Empty,
            Summary = result.Test.Properties.Get(PropertyNames.Description) as string,
            Outcome = OutcomeOf(result),
            DurationMs = Math.Round(result.Duration * 1000, 1),
            Message = MessageOf(result),
            EvidenceDirectory = evidenceDir is null ? null : Path.Combine("evidence", id),
            EvidenceFiles = evidenceDir is null || !Directory.Exists(evidenceDir)
                ? []
                : Directory.GetFiles(evidenceDir).Order(StringComparer.Ordinal).Select(f => Path.Combine("evidence", id, Path.GetFileName(f))).ToList(),
        };
        _results.Enqueue(converted);
        _onFinished(converted);
    }

    public void TestOutput(TestOutput output)
    {
    }

    public void SendMessage(TestMessage message)
    {
    }

    private static TestResult Interrupted(ITest test, string id, string message) => new()
    {
        Id = id,
        Scenario = test.Properties.Get(PropertyNames.Scenario) as string ?? string.Empty,
        Client = test.Properties.Get(PropertyNames.Client) as string ?? string.Empty,
        Summary = test.Properties.Get(PropertyNames.Description) as string,
        Outcome = TestOutcome.Interrupted,
        Message = message,
    };

    /// <summary>
    /// A skip is only acceptable as "not applicable" with a reason; any other skip is a failure, because a conformance
    /// test must never be silently skipped.
    /// </summary>
    private static TestOutcome OutcomeOf(ITestResult result) => result.ResultState.Status switch
    {
        TestStatus.Passed => TestOutcome.Passed,
        TestStatus.Skipped when IsNotApplicable(result.Message) => TestOutcome.NotApplicable,
        _ => TestOutcome.Failed,
    };

    private static bool IsNotApplicable(string? message) =>
        message is not null && message.TrimStart().StartsWith(NotApplicablePrefix, StringComparison.OrdinalIgnoreCase);

    private static string? MessageOf(ITestResult result)
    {
        var message = result.Message?.Trim();
        if (message is not null && message.StartsWith("OneTimeSetUp:", StringComparison.Ordinal))
        {
            // The target could not start: every test carries the same setup failure; its first line says why.
            return "The target could not be set up: " + message.Split('\n')[0]["OneTimeSetUp:".Length..].Trim();
        }

        switch (result.ResultState.Status)
        {
            case TestStatus.Passed:
                return null;
            case TestStatus.Skipped when !IsNotApplicable(message):
                return "The test was skipped without a not-applicable reason: " + (string.IsNullOrEmpty(message) ? "(no message)" : message);
            case TestStatus.Failed when result.ResultState.Label == "Error":
                // An exception the suite did not turn into a finding: keep the first frames, they say where.
                var frames = (result.StackTrace ?? string.Empty).Split('\n').Take(4).Select(l => "  " + l.Trim());
                return message + Environment.NewLine + string.Join(Environment.NewLine, frames);
            default:
                return message;
        }
    }
}
