using KratosConformance.Fixtures.Targets;
using KratosConformance.Reports.Model;
using NUnit;
using NUnit.Framework.Api;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Runs the conformance suites inside this process with NUnit's own assembly runner: live results per test, no
/// second process, and several runs in a row (kill matrix, versions) without rebuilding anything.
/// </summary>
public static class SuiteRunner
{
    private static readonly string[] KnownVariables =
    [
        "KC_TARGET", "KC_KRATOS_IMAGE", "KC_MAIL", "KC_MAIL_ACCESS", "KC_PUBLIC_URL", "KC_ADMIN_URL", "KC_MAIL_URL", "KC_SMTP_URI",
        "KC_KRATOS_VERSION", "KC_CONFIG", "KC_SCHEMA", "KC_CONFIG_OVERLAY", "KC_REVEAL_SECRETS", "KC_EVIDENCE_DIR", "KC_DEVIATIONS", "KC_EMULATE",
        "KC_UI_URL", "KC_UI_SELECTORS", "KC_RUN_INFO_FILE", "KC_MAIL_TIMEOUT",
    ];

    /// <summary>Runs the selected tests with <paramref name="settings"/> and returns their results in finish order.</summary>
    public static IReadOnlyList<TestResult> Run(
        HarnessSettings settings,
        string? runInfoFile,
        ConformanceTestFilter filter,
        int workers,
        Action<TestResult> onFinished)
    {
        ApplyEnvironment(settings, runInfoFile);
        var assembly = SuiteAssembly.Get();
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        var packageSettings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.NumberOfTestWorkers] = workers,
            [FrameworkPackageSettings.WorkDirectory] = settings.EvidenceRoot,
            [FrameworkPackageSettings.SynchronousEvents] = false,
        };
        runner.Load(assembly, packageSettings);
        var collector = new ResultCollector(onFinished, id => Path.Combine(settings.EvidenceRoot, id));
        runner.Run(collector, filter);
        return collector.Results;
    }

    /// <summary>Counts what a filter selects, so progress can say "[ 3/40]".</summary>
    public static int Count(ConformanceTestFilter filter)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(SuiteAssembly.Get(), new Dictionary<string, object>());
        return runner.CountTestCases(filter);
    }

    /// <summary>
    /// The suites read their settings from KC_* variables (the same as under dotnet test); unset ones are cleared so a
    /// run never inherits the previous run's settings.
    /// </summary>
    private static void ApplyEnvironment(HarnessSettings settings, string? runInfoFile)
    {
        var vars = settings.ToVariables();
        foreach (var name in KnownVariables)
        {
            Environment.SetEnvironmentVariable(name, vars.TryGetValue(name, out var value) ? value : null);
        }

        Environment.SetEnvironmentVariable("KC_RUN_INFO_FILE", runInfoFile);
    }
}
