using KratosConformance.Client.Waiting;
using KratosConformance.Runner;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Bench;

/// <summary>What one ./kc bench measures: repetitions, which suite runs, and a user's own target besides the local double.</summary>
public sealed record BenchPlan
{
    public int Repetitions { get; init; } = 5;
    public bool SkipContainers { get; init; }
    /// <summary>A target given with ./kc run's options; measured besides the local double.</summary>
    public HarnessSettings? ExtraTarget { get; init; }
    /// <summary>Where &lt;timestamp&gt;.json goes.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Scratch space: evidence of the timed flows and suite runs.</summary>
    public required string WorkDirectory { get; init; }
    public ConformanceTestFilter SuiteFilter { get; init; } = new([], includeBrowser: true);
    public string SuiteDescription { get; init; } = "the whole suite";
    public int ParallelWorkers { get; init; } = Environment.ProcessorCount * 2;
    /// <summary>The run's patience (--patience): every deadline of the benchmark's waits, as in ./kc run.</summary>
    public Patience Patience { get; init; } = Patience.Default;

    /// <summary>Mail latency samples per reader: enough for a p95 that is more than the maximum.</summary>
    public int MailSamples => Math.Max(4, Repetitions * 4);

    /// <summary>Timed flow requests to the local double: a request takes well under a millisecond, so 200 cost little.</summary>
    public int FlowFetchSamples => Math.Max(50, Repetitions * 40);
}
