namespace KratosConformance.Bench;

/// <summary>Everything one ./kc bench run measured: written as reports/out/bench/&lt;timestamp&gt;.json.</summary>
public sealed record BenchReport
{
    /// <summary>What each field means, kept in the file itself so the JSON reads without this source.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = FieldDocs;
    public required DateTimeOffset StartedAt { get; init; }
    public double TookSeconds { get; init; }
    public int Repetitions { get; init; }
    public required MachineNotes Machine { get; init; }
    public double MailSinkStartSeconds { get; init; }
    public IReadOnlyList<FlowOverhead> Flows { get; init; } = [];
    public IReadOnlyList<MailLatency> Mail { get; init; } = [];
    /// <summary>The local double's answer time to one flow request; null when it was not measured.</summary>
    public FlowFetchLatency? FlowFetch { get; init; }
    public IReadOnlyList<SuiteWallTime> Suite { get; init; } = [];
    public IReadOnlyList<Goal> Goals { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static IReadOnlyDictionary<string, string> FieldDocs { get; } = new Dictionary<string, string>
    {
        ["startedAt"] = "when the benchmark started (local time with offset)",
        ["tookSeconds"] = "wall time of the whole benchmark",
        ["repetitions"] = "timed repetitions per scenario × client (after one untimed warm-up each); mail samples = 4 × repetitions",
        ["machine"] = "cores, load average (1/5/15 min from /proc/loadavg at the end), OS, runtime, peakWorkingSetBytes = Process.PeakWorkingSet64 of the bench process (the suites run inside it)",
        ["mailSinkStartSeconds"] = "time to start the shared smtp4dev process (paid once per ./kc run --target inprocess, not in suite[] figures)",
        ["flows[]"] = "per target × seed scenario × client: harnessMedianMs (KratosClient + IdentityFactory + mailbox reader + evidence on disk) vs replayMedianMs (raw HttpClient, hand-kept cookies/csrf/token, code read from the sink's HTTP API every 5 ms), interleaved, same process, same server; ratio = harness / replay (goal ≤ 1.3); *MailWaitMedianMs = the part of a flow spent waiting for the code mail; *Requests = requests sent to Kratos per flow; *SamplesMs = every timed flow",
        ["mail[]"] = "per mailbox reader: ms from the sink accepting a login-code mail (SMTP DATA answered by smtp4dev, or Kratos answering the request that queued it for the courier API) to WaitForLoginCodeAsync returning the code; medianMs (goal ≤ 50), p95Ms (nearest rank)",
        ["flowFetch"] = "the local double answering GET /self-service/login/flows?id=… for one API login flow, each request timed on its own after 20 untimed ones: medianMs (goal < 5 ms, issue 3), p95Ms (nearest rank), maxMs, samplesMs; skipped says why there is no figure",
        ["suite[]"] = "whole conformance suite runs, timed end to end in this process: target, workers (1 = serial), wallSeconds, test counts by outcome, testSecondsSum = sum of the tests' own durations",
        ["goals[]"] = "issue 8's goals (and issue 3's flow request goal) with the measured value and met / NOT met / not measured (never a failure: ./kc bench exits 0 unless it crashed)",
        ["notes[]"] = "what was skipped and why, and anything that qualifies the figures",
    };
}
