using System.Diagnostics;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The browser suite (browser-ui) in-process beyond what the self-tests run (the server-rendered reference UI in front of
/// the double at its default version, v26.2.0): against the Ory Elements SPA (./kc test's part elements-ui), and against
/// the server-rendered UI with the double emulating each older version (part browser-versions), so every factor's
/// browser scenarios pass at every emulated version, as the HTTP suites do in the version runs.
/// </summary>
public static class BrowserUiChecks
{
    /// <summary>The browser-ui scenarios the Elements UI can host. WebAuthn's are left out: the Elements UI is served on
    /// 127.0.0.1 and browsers refuse WebAuthn on an IP-address origin, so they would only report not applicable.</summary>
    public static IReadOnlyList<string> ElementsScenarios { get; } = ["login.code-mfa.*.browser-ui", "*.totp.*.browser-ui", "*.lookup-secret.*.browser-ui"];

    /// <summary>The versions the self-tests' browser run does not emulate.</summary>
    public static IReadOnlyList<string> OlderVersions => KillMatrix.EmulatedVersions.Skip(1).ToList();

    /// <summary>The browser suite against the Ory Elements SPA (bundled by ./kc) in front of the in-process double.</summary>
    public static TestTally Elements(string dir, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine("elements-ui: the browser suite against the Ory Elements SPA (no selector map)");
        return Run("elements-ui", dir, workers, settings with { ReferenceUi = HarnessSettings.ReferenceUiElements }, ElementsScenarios, console, interruption, cancellationToken);
    }

    /// <summary>Every browser-ui scenario against the server-rendered reference UI, the double emulating <paramref name="version"/>.</summary>
    public static TestTally Version(string version, string dir, int workers, HarnessSettings settings, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"browser-ui {version}: the browser suite against the server-rendered reference UI, the double emulating {version}");
        return Run($"browser-ui {version}", dir, workers, settings with { Emulate = version }, ["*.browser-ui"], console, interruption, cancellationToken);
    }

    private static TestTally Run(string part, string dir, int workers, HarnessSettings settings, IReadOnlyList<string> scenarios, TextWriter console, Func<string?> interruption, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var runDir = RunDirectory.Create(dir, started);
        var plan = new RunPlan(
            new HarnessSettings
            {
                Target = TargetKind.InProcess, Patience = settings.Patience, EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName),
                ReferenceUi = settings.ReferenceUi, Emulate = settings.Emulate,
            },
            new ConformanceTestFilter([.. scenarios], includeBrowser: true),
            workers,
            null);
        var clock = Stopwatch.StartNew();
        var verdict = RunExecutor.Execute(plan, runDir, started, console, interruption, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var result = ResultsJsonReader.Read(runDir.Path);
        console.WriteLine($"{part}: {clock.Elapsed.TotalSeconds:0.0} s ({(verdict.Passed ? "passed" : "FAILED")})");
        var s = result.Summary;
        return new TestTally(part, s.Passed + s.ExpectedFailure, s.Failed + s.Interrupted, s.NotApplicable);
    }
}
