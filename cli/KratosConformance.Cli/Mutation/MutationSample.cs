using KratosConformance.Client.Waiting;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// The mutation sample of ./kc test: Stryker on one small behaviour file with only the tests that reach it, so the
/// machinery (tool, project reference, shared mail sink, in-process double under Stryker's test host, test filter,
/// report reading) never rots while ./kc test stays short. It passes when Stryker produced its report and the suites
/// killed at least one mutant; the score is ./kc mutate's. Its deadline is the run's patience times 30 min (Stryker
/// builds the suites and runs the selected tests once before the mutants; with Aal.cs and every HTTP test it took 14
/// min with the 2 cores at load 30, which is why the sample is one file and two test classes now).
/// </summary>
public static class MutationSample
{
    /// <summary>The sample: the code sender (14 mutants), a small file every code scenario runs through.</summary>
    public static IReadOnlyList<string> Files { get; } = ["Endpoints/CodeSender.cs"];

    /// <summary>The tests it runs: the two classes that read every mail the sender queues.</summary>
    public const string Tests = "FullyQualifiedName~KratosConformance.Suites.Http.ResendTests|FullyQualifiedName~KratosConformance.Suites.Http.MailTests";

    public static TestTally Run(string directory, TextWriter console, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(patience);
        console.WriteLine($"mutation sample: Stryker.NET on {string.Join(", ", Files)} with the resend and mail tests");
        try
        {
            var plan = new MutationPlan { Files = Files, TestFilter = Tests, Concurrency = Math.Max(1, Environment.ProcessorCount), OutputDirectory = directory, Deadline = patience.For("mutation sample", TimeSpan.FromMinutes(30)), Patience = patience };
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
