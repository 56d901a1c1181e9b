namespace KratosConformance.Runner;

/// <summary>
/// Splits a selection of test ids into shards, deterministically: every shard computes the same split from the same
/// ids (and durations) on its own runner, without talking to the others, so together they run each test exactly once.
/// </summary>
public static class ShardPlanner
{
    /// <summary>
    /// The ids of <paramref name="shard"/>. Without durations: round-robin over the ids in ordinal order (shards differ
    /// by at most one test). With durations (id → ms of a previous run): longest first, each to the shard with the least
    /// time so far (ties: the lower shard); a test the durations do not know counts as their median.
    /// </summary>
    public static IReadOnlySet<string> Select(IReadOnlyCollection<string> ids, Shard shard, IReadOnlyDictionary<string, double>? durations = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(shard);
        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (durations is null || durations.Count == 0)
        {
            return sorted.Where((_, i) => i % shard.Count == shard.Index - 1).ToHashSet(StringComparer.Ordinal);
        }

        var known = durations.Values.Where(d => d >= 0).Order().ToList();
        var median = known.Count == 0 ? 1 : known[known.Count / 2];
        var loads = new double[shard.Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        var longestFirst = sorted
            .Select(id => (Id: id, Ms: durations.TryGetValue(id, out var ms) && ms >= 0 ? ms : median))
            .OrderByDescending(t => t.Ms)
            .ThenBy(t => t.Id, StringComparer.Ordinal);
        foreach (var (id, ms) in longestFirst)
        {
            var target = 0;
            for (var s = 1; s < loads.Length; s++)
            {
                if (loads[s] < loads[target])
                {
                    target = s;
                }
            }

            loads[target] += ms;
            if (target == shard.Index - 1)
            {
                mine.Add(id);
            }
        }

        return mine;
    }
}
