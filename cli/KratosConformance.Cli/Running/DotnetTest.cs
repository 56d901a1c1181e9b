using System.Diagnostics;
using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Paths;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Runs the project's own test projects with dotnet test (already built by ./kc), TRX results into a folder, the
/// suites against the in-process double. Output goes to a log file; failures are summarised from the TRX files.
/// </summary>
public static class DotnetTest
{
    public static TestTally Run(string resultsDir, string evidenceRoot, Patience patience, TextWriter console, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(resultsDir);
        var log = Path.Combine(resultsDir, "dotnet-test.log");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryLayout.RequireRoot(),
        };
        foreach (var arg in new[] { "test", "KratosConformance.sln", "--no-build", "--nologo", "--logger", "trx", "--results-directory", resultsDir })
        {
            start.ArgumentList.Add(arg);
        }

        // The self-tests run in-process with every other setting at its default (patience excepted): nothing of the
        // caller's run leaks in.
        foreach (var name in HarnessVariables.Names)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in new HarnessSettings { Target = TargetKind.InProcess, EvidenceRoot = evidenceRoot, Patience = patience }.ToVariables())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new CliException("could not start dotnet test.");
        // A stopped ./kc test stops its dotnet test too (and the test hosts under it).
        using var stop = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        using var writer = new StreamWriter(log);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        writer.Write(output.GetAwaiter().GetResult());
        writer.Write(errors.GetAwaiter().GetResult());

        var tally = TrxTally.Read(resultsDir, "self-tests");
        console.WriteLine($"self-tests (dotnet test, {clock.Elapsed.TotalSeconds:0.0} s): {tally.ClosingLine}   log: {log}");
        foreach (var failure in TrxTally.Failures(resultsDir))
        {
            console.WriteLine("  ✗ " + failure);
        }

        if (process.ExitCode != 0 && tally.Failed == 0)
        {
            // dotnet test failed without a failed test: a crash or a build problem. Count it, or CI would go green.
            console.WriteLine($"  ✗ dotnet test exited with {process.ExitCode} without a failed test: see {log}");
            tally = tally with { Failed = tally.Failed + 1 };
        }

        return tally;
    }
}
