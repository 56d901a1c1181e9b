using System.Globalization;
using System.Text.RegularExpressions;

namespace KratosConformance.Harness.Profiles;

/// <summary>Go's duration syntax as Kratos config uses it ("1h", "15m", "1ms", "1h30m"); facts need real TimeSpans.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text.Trim()))
        {
            return false;
        }

        double ticks = 0;
        foreach (Match m in Part().Matches(text.Trim()))
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += m.Groups[2].Value switch
            {
                "ns" => n / 100,
                "us" or "µs" => n * 10,
                "ms" => n * TimeSpan.TicksPerMillisecond,
                "s" => n * TimeSpan.TicksPerSecond,
                "m" => n * TimeSpan.TicksPerMinute,
                _ => n * TimeSpan.TicksPerHour,
            };
        }

        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
