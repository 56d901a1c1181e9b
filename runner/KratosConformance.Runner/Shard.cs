using System.Globalization;

namespace KratosConformance.Runner;

/// <summary>
/// One part of a selection split over several runners (<c>--shard i/n</c>, 1-based): CI matrices number their jobs
/// that way, so the value can be passed through unchanged.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a selection may be split into; more would be a typo, not a CI matrix.</summary>
    public const int MaxCount = 256;

    /// <summary>Parses "i/n"; null and a message naming what is wrong and the form expected otherwise.</summary>
    public static Shard? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"--shard '{text}' is not of the form i/n: give the shard's number and the number of shards, e.g. --shard 1/2 and --shard 2/2 for two runners.";
            return null;
        }

        if (count < 1 || count > MaxCount)
        {
            error = $"--shard {text}: the number of shards must be 1 to {MaxCount}, not {count}: e.g. --shard 1/2.";
            return null;
        }

        if (index < 1 || index > count)
        {
            error = $"--shard {text}: the shard number must be 1 to {count} (shards are numbered from 1, as CI matrices number their jobs), not {index}.";
            return null;
        }

        error = null;
        return new Shard(index, count);
    }

    /// <summary>"2/3".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
