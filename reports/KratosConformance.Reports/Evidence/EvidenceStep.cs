namespace KratosConformance.Reports.Evidence;

/// <summary>
/// One line of a test's evidence/&lt;test-id&gt;/steps.jsonl. Written by the fixtures while the test runs, read by the
/// report writers and by compare. Secrets are already masked when a step is written.
/// </summary>
public sealed record EvidenceStep
{
    public required int Seq { get; init; }
    public required EvidenceKind Kind { get; init; }
    /// <summary>Short human title, e.g. "POST /self-service/login?flow=… -> 400".</summary>
    public required string Title { get; init; }
    public DateTimeOffset At { get; init; }
    public HttpEvidence? Http { get; init; }
    /// <summary>The login flow the response carried (or the flow fetched after a browser redirect).</summary>
    public FlowEvidence? Flow { get; init; }
    public MailEvidence? Mail { get; init; }
    /// <summary>The check this step records (kind check): what was verified, and what came back.</summary>
    public CheckEvidence? Check { get; init; }
    /// <summary>File written beside steps.jsonl for this step (a transcript, screenshot, trace), if any.</summary>
    public string? File { get; init; }
    public string? Text { get; init; }
}

public sealed record HttpEvidence
{
    public required string Method { get; init; }
    public required string Url { get; init; }
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();
    public string? RequestBody { get; init; }
    public int Status { get; init; }
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();
    public string? ResponseBody { get; init; }
    public double DurationMs { get; init; }
    /// <summary>error.id of a Kratos error body, if the response was one.</summary>
    public string? ErrorId { get; init; }
}

/// <summary>The comparable essence of a login flow at one step; compare diffs these fields.</summary>
public sealed record FlowEvidence
{
    public string? Id { get; init; }
    public string? State { get; init; }
    public string? RequestedAal { get; init; }
    public bool? Refresh { get; init; }
    public IReadOnlyList<long> MessageIds { get; init; } = [];
    public IReadOnlyList<string> MessageTexts { get; init; } = [];
    /// <summary>Nodes as "group/name/type" plus ":label-id" and node message ids, in the order Kratos sent them.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];
    /// <summary>The full (masked) flow JSON.</summary>
    public string? Json { get; init; }
}

public sealed record MailEvidence
{
    public string? From { get; init; }
    public IReadOnlyList<string> To { get; init; } = [];
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? MessageId { get; init; }
    public string? Code { get; init; }
    /// <summary>Which reader found it, e.g. "smtp4dev over IMAP".</summary>
    public string? Reader { get; init; }
}
