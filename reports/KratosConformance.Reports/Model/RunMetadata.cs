namespace KratosConformance.Reports.Model;

/// <summary>What was tested, how, and when: enough to reproduce a run and to compare two runs.</summary>
public sealed record RunMetadata
{
    public required string RunId { get; init; }
    public string? KratosVersion { get; init; }
    public string? KratosImage { get; init; }
    public string? KratosImageDigest { get; init; }
    /// <summary>containers | external | inprocess.</summary>
    public string? Target { get; init; }
    /// <summary>How codes were read, e.g. "smtp4dev+http://127.0.0.1:49153".</summary>
    public string? MailAccess { get; init; }
    /// <summary>sha256 of the effective kratos.yml and identity schema of the default profile.</summary>
    public string? ConfigHash { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public string? HarnessVersion { get; init; }
    /// <summary>Deviations switched on in the reference double, if the target is the double.</summary>
    public IReadOnlyList<string> Deviations { get; init; } = [];
    /// <summary>
    /// The signal that stopped the run ("SIGINT", "SIGTERM"), or null for a run that ended by itself. Tests that had not
    /// finished then are <see cref="TestOutcome.Interrupted"/>.
    /// </summary>
    public string? Interruption { get; init; }
    /// <summary>
    /// What is missing from a merged run (<c>kc merge</c>): the shards not given or not written, and the tests they owed;
    /// null for a complete run. A run with something missing is never green.
    /// </summary>
    public string? Incomplete { get; init; }
    /// <summary>The part of the selection this run ran (<c>--shard i/n</c>); null for an unsharded or merged run.</summary>
    public ShardInfo? Shard { get; init; }
    /// <summary>True when the run was asked to write tokens, cookies and passwords unmasked (--reveal-secrets).</summary>
    public bool SecretsRevealed { get; init; }
    /// <summary>Free-form facts: machine, cores, config changes the harness made, baseline file.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();
}
