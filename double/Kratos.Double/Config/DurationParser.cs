using System.Globalization;
using System.Text.RegularExpressions;

namespace Kratos.Double.Config;

/// <summary>Go duration strings as the config schema allows them (^([0-9]+(ns|us|ms|s|m|h))+$).</summary>
internal static partial class DurationParser
{
    [GeneratedRegex("^(?:([0-9]+)(ns|us|ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex("([0-9]+)(ns|us|ms|s|m|h)")]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match m in Part().Matches(text))
        {
            var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                "us" => TimeSpan.FromMicroseconds(n),
                _ => TimeSpan.FromTicks(Math.Max(n / 100, n > 0 ? 1 : 0)),
            };
        }

        return true;
    }
}
