using System.Diagnostics;
using System.Globalization;
using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Processes;
using KratosConformance.Harness.Targets;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// Runs Stryker.NET (the dotnet-stryker tool kc installs under .kc/tools) on the double's behaviour code with the
/// HTTP conformance suites as the tests, against the in-process double (each mutant's test run starts the double and
/// an in-memory SMTP sink of its own, KC_MAIL_IN_MEMORY), per-test coverage so a mutant runs only the tests that reach
/// it, and the project reference Stryker needs switched on with KC_MUTATION=true. Its output is passed through; its reports land
/// in <see cref="MutationPlan.OutputDirectory"/>/reports/.
/// </summary>
public static class StrykerRun
{
    public const string Version = "5.1.0";

    public static string Tool => Path.Combine(RepositoryLayout.StateDirectory, "tools", "dotnet-stryker-" + Version, "dotnet-stryker");

    /// <summary>Runs Stryker; returns the JSON report's path, or throws when Stryker failed or produced none.</summary>
    public static async Task<string> RunAsync(MutationPlan plan, TextWriter console, CancellationToken cancellationToken)
    {
        if (!File.Exists(Tool))
        {
            throw new CliException($"dotnet-stryker {Version} is not installed at {Tool}: run ./kc mutate (it installs the tool under .kc/tools), or 'dotnet tool install dotnet-stryker --version {Version} --tool-path {Path.GetDirectoryName(Tool)}'.");
        }

        var files = MutationConfig.Select(plan.Files);
        var settings = TestRunSettings(plan);
        var start = new ProcessStartInfo(Tool)
        {
            WorkingDirectory = MutationConfig.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(plan, files))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in TestRunVariables(settings))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        // Bound to kc by the parent-death signal: a killed kc takes Stryker (and, on its own stop, its test hosts) along.
        using var process = await ParentBoundProcess.StartAsync(start).ConfigureAwait(false);
        var output = Pump(process.StandardOutput, console);
        var errors = Pump(process.StandardError, console);
        using var bound = plan.Deadline is { } d ? new CancellationTokenSource(d.Limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Only the process kc started, and its children (build servers, test hosts), by its id.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"the mutation run was stopped at {plan.Deadline!.Expired}.");
        }

        await Task.WhenAll(output, errors).ConfigureAwait(false);
        var report = Path.Combine(plan.OutputDirectory, "reports", "mutation-report.json");
        if (process.ExitCode != 0 || !File.Exists(report))
        {
            throw new InvalidOperationException($"dotnet-stryker exited with {process.ExitCode} and {(File.Exists(report) ? "a" : "no")} report (its output is above).");
        }

        return report;
    }

    /// <summary>
    /// What Stryker and its test runs get in their environment (null = removed): the run's settings through the one
    /// table (in-process target, the shared sink, the evidence folder, the patience) with every other KC_* setting
    /// cleared, so nothing of the caller's shell leaks in; KC_MUTATION, the MSBuild switch of the suites' project
    /// reference; and the clone's root under the name the harness reads, so the suites find it from Stryker's test runs.
    /// </summary>
    /// <summary>
    /// The settings of every test run under Stryker: the in-process double with an in-memory SMTP sink of the run's own.
    /// A mailbox shared by the whole mutation run (one smtp4dev, as before) grew by every mutant's mail, and each listing
    /// of it cost more, until the runs slowed to timeouts (run I: 6000+ mails, 2.3 MB and 0.28 s per listing).
    /// </summary>
    public static HarnessSettings TestRunSettings(MutationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HarnessSettings
        {
            Target = TargetKind.InProcess,
            InMemoryMail = true,
            EvidenceRoot = Path.Combine(plan.OutputDirectory, "evidence"),
            Patience = plan.Patience,
        };
    }

    public static IReadOnlyDictionary<string, string?> TestRunVariables(HarnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var vars = HarnessVariables.Names.ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        foreach (var (name, value) in settings.ToVariables())
        {
            vars[name] = value;
        }

        vars["KC_MUTATION"] = "true";
        vars[RepositoryLayout.RootVariable] = RepositoryLayout.RequireRoot();
        return vars;
    }

    private static IEnumerable<string> Arguments(MutationPlan plan, IReadOnlyList<string> files)
    {
        yield return "--config-file";
        yield return MutationConfig.Effective(plan.TestFilter, plan.Patience, plan.OutputDirectory);
        yield return "--concurrency";
        yield return plan.Concurrency.ToString(CultureInfo.InvariantCulture);
        yield return "--output";
        yield return plan.OutputDirectory;
        yield return "--skip-version-check";
        foreach (var file in files)
        {
            yield return "--mutate";
            yield return file;
        }

        if (plan.Since is { } since)
        {
            yield return "--since:" + since;
        }
    }

    // Passed through as it comes, not by line: Stryker's dots reporter writes one character per tested mutant and a
    // newline only at the end, so a line pump would show the progress only once the run is over.
    private static async Task Pump(StreamReader reader, TextWriter console)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            await console.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            await console.FlushAsync().ConfigureAwait(false);
        }
    }
}
