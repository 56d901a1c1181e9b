using KratosConformance.Harness.Targets;

namespace KratosConformance.Suites;

/// <summary>
/// The run: creates the conformance target once from the KC_* environment (so <c>dotnet test</c> and <c>kc run</c>
/// configure the suites the same way) and disposes it after the last test. It sits in the root namespace, so it
/// wraps every suite of this assembly, the Playwright suite in Browser/ included.
/// </summary>
[SetUpFixture]
public sealed class ConformanceRun
{
    private static IConformanceTarget? _target;
    private static HarnessSettings? _settings;

    /// <summary>The target of this run; set before any test runs.</summary>
    public static IConformanceTarget Target =>
        _target ?? throw new InvalidOperationException("The conformance target is not started: ConformanceRun's OneTimeSetUp did not run or failed (see its error).");

    public static HarnessSettings Settings =>
        _settings ?? throw new InvalidOperationException("Harness settings are not loaded: ConformanceRun's OneTimeSetUp did not run or failed (see its error).");

    [OneTimeSetUp]
    public async Task StartTargetAsync()
    {
        _settings = HarnessSettings.FromEnvironment();
        _target = await ConformanceTargets.CreateAsync(_settings, TestContext.Progress, CancellationToken.None);
        await TestContext.Progress.WriteLineAsync($"conformance target: {_target.Name} — {_target.KratosDescription}; mail: {_target.MailDescription}");
    }

    [OneTimeTearDown]
    public async Task StopTargetAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
            _target = null;
        }
    }
}
