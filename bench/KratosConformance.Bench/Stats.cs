namespace KratosConformance.Bench;

/// <summary>Order statistics of timing samples. Medians, not means: one GC pause or a busy neighbour must not move the figure.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);

    /// <summary>Nearest-rank percentile (no interpolation: with 20 samples p95 is the 19th, a value that was really seen).</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        if (percent == 50 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Rounded for the JSON file: a tenth of a millisecond is below the noise of every figure here.</summary>
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 1) : value;
}
