using KratosConformance.Client.Waiting;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// The mutation sample of ./kc test: Stryker on two small behaviour files, bounded in time, so the machinery (tool,
/// project reference, shared mail sink, in-process double under Stryker's test host, report reading) never rots. It
/// passes when Stryker produced its report and the suites killed at least one mutant; the score is ./kc mutate's.
/// Its deadline is the run's patience times 30 min: Stryker builds the suites, runs them once, compiles every mutant of
/// the double and captures coverage before it tests the sample's mutants (measured: 14 min for Aal.cs alone with the 2
/// cores at load 30).
/// </summary>
public static class MutationSample
{
    /// <summary>The sample: aal computation and the code sender, small files every scenario runs through.</summary>
    public static IReadOnlyList<string> Files { get; } = ["Endpoints/Aal.cs", "Endpoints/CodeSender.cs"];

    public static TestTally Run(string directory, TextWriter console, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(patience);
        console.WriteLine($"mutation sample: Stryker.NET on {string.Join(", ", Files)} with the HTTP suites as the tests");
        try
        {
            var plan = new MutationPlan { Files = Files, Concurrency = Math.Max(1, Environment.ProcessorCount), OutputDirectory = directory, Deadline = patience.For("mutation sample", TimeSpan.FromMinutes(30)) };
            var report = MutationRun.Execute(plan, console, cancellationToken);
            var ok = report.Killed > 0;
            console.WriteLine($"mutation sample: {(ok ? "passed" : "FAILED")} ({report.Killed} of {report.Valid} mutants killed)");
            return new TestTally("mutation sample", ok ? 1 : 0, ok ? 0 : 1, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or Errors.CliException)
        {
            console.WriteLine($"mutation sample: FAILED: {e.Message}");
            return new TestTally("mutation sample", 0, 1, 0);
        }
    }
}
