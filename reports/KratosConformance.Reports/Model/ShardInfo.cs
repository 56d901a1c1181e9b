namespace KratosConformance.Reports.Model;

/// <summary>
/// Which part of a selection a sharded run (<c>kc run --shard i/n</c>) ran, written into results.json so that
/// <c>kc merge</c> can tell shards of one run from shards of different runs and name the tests a missing shard owed.
/// </summary>
public sealed record ShardInfo
{
    /// <summary>1-based: shard <see cref="Index"/> of <see cref="Count"/>.</summary>
    public required int Index { get; init; }

    public required int Count { get; init; }

    /// <summary>"id" (round-robin over the sorted test ids) or "durations" (balanced by a previous run's durations).</summary>
    public required string Balance { get; init; }

    /// <summary>sha256 of the durations file the shards were balanced by (null when balanced by id): every shard must use the same.</summary>
    public string? DurationsSha256 { get; init; }

    /// <summary>
    /// sha256 of what the run was asked to test: target, images, mail, version, deviations, UI options and the contents
    /// of --config, --schema, the config overlay and --ui-selectors. Not the composed config (results.json's configHash),
    /// which holds each run's own ports.
    /// </summary>
    public string? SetupSha256 { get; init; }

    /// <summary>Every test id of the unsharded selection, sorted: the same in every shard of one run.</summary>
    public required IReadOnlyList<string> Selection { get; init; }

    /// <summary>"2/3".</summary>
    public override string ToString() => $"{Index}/{Count}";
}
