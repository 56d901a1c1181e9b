using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Model;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;

namespace KratosConformance.Runner;

/// <summary>
/// Runs the conformance suites inside this process with NUnit's own assembly runner: live results per test, no
/// second process, and several runs in a row (kill matrix, versions) without rebuilding anything. A cancelled run
/// stops starting tests, gives the running ones a named grace to finish, and reports every test that did not finish
/// before the stop as <see cref="TestOutcome.Interrupted"/>.
/// </summary>
public static class SuiteRunner
{
    /// <summary>Runs the selected tests with <paramref name="settings"/> and returns their results in finish order.</summary>
    public static IReadOnlyList<TestResult> Run(
        HarnessSettings settings,
        string? runInfoFile,
        ConformanceTestFilter filter,
        int workers,
        Action<TestResult> onFinished,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        ApplyEnvironment(settings, runInfoFile);
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        var packageSettings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.NumberOfTestWorkers] = workers,
            [FrameworkPackageSettings.WorkDirectory] = settings.EvidenceRoot,
            [FrameworkPackageSettings.SynchronousEvents] = false,
        };
        runner.Load(SuiteAssembly.Get(), packageSettings);
        var selected = SelectedTests(runner.ExploreTests(filter));
        var collector = new ResultCollector(onFinished, id => Path.Combine(settings.EvidenceRoot, id));
        runner.RunAsync(collector, filter);
        if (!WaitForCompletion(runner, cancellationToken))
        {
            collector.Interrupt(InterruptedMessage);
            runner.StopRun(force: false);
            // The running tests get a short, named grace; whatever has not finished then is left to the process's end.
            runner.WaitForCompletion((int)StopGrace(settings).Limit.TotalMilliseconds);
            return collector.Complete(selected, InterruptedMessage);
        }

        return collector.Results;
    }

    /// <summary>Counts what a filter selects, so progress can say "[ 3/40]".</summary>
    public static int Count(ConformanceTestFilter filter)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(SuiteAssembly.Get(), new Dictionary<string, object>());
        return runner.CountTestCases(filter);
    }

    /// <summary>The ids of every conformance test the filter selects, sorted: what a shard plan splits.</summary>
    public static IReadOnlyList<string> SelectedIds(ConformanceTestFilter filter)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(SuiteAssembly.Get(), new Dictionary<string, object>());
        return SelectedTests(runner.ExploreTests(filter))
            .Select(t => (string)t.Properties.Get(PropertyNames.ConformanceId)!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How long running tests may take to finish once a run is interrupted: patience-scaled, named.</summary>
    public static KratosConformance.Client.Waiting.Deadline StopGrace(HarnessSettings settings) =>
        (settings ?? throw new ArgumentNullException(nameof(settings))).Patience.For("interrupted run's stop", TimeSpan.FromSeconds(2));

    private const string InterruptedMessage = "interrupted: the run was stopped before this test finished; it says nothing about Kratos";

    /// <summary>True when the run ended by itself, false when <paramref name="cancellationToken"/> stopped the wait.</summary>
    private static bool WaitForCompletion(NUnitTestAssemblyRunner runner, CancellationToken cancellationToken)
    {
        // Not disposed: after a cancellation the waiter still holds it until NUnit completes.
        var finished = new ManualResetEventSlim();
        var waiter = Task.Run(() =>
        {
            runner.WaitForCompletion(Timeout.Infinite);
            finished.Set();
        }, CancellationToken.None);
        WaitHandle.WaitAny([finished.WaitHandle, cancellationToken.WaitHandle]);
        return finished.IsSet || !cancellationToken.IsCancellationRequested;
    }

    /// <summary>Id, scenario, client and summary of every conformance test the filter selects.</summary>
    private static IReadOnlyList<ITest> SelectedTests(ITest root)
    {
        var tests = new List<ITest>();
        var pending = new Stack<ITest>([root]);
        while (pending.Count > 0)
        {
            var test = pending.Pop();
            if (!test.IsSuite && test.Properties.Get(PropertyNames.ConformanceId) is string)
            {
                tests.Add(test);
            }

            foreach (var child in test.Tests)
            {
                pending.Push(child);
            }
        }

        return tests;
    }

    /// <summary>
    /// The suites read their settings from KC_* variables (the same as under dotnet test); unset ones are cleared so a
    /// run never inherits the previous run's settings.
    /// </summary>
    private static void ApplyEnvironment(HarnessSettings settings, string? runInfoFile)
    {
        var vars = (settings with { RunInfoFile = runInfoFile }).ToVariables();
        foreach (var name in HarnessVariables.Names)
        {
            Environment.SetEnvironmentVariable(name, vars.TryGetValue(name, out var value) ? value : null);
        }
    }
}
