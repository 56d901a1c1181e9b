using System.Globalization;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// Deadlines of process tests, scaled by KC_PATIENCE (a factor, default 1) so a loaded CI runner can be given more
/// time without touching the tests; a deadline bounds a wait, it is never the thing asserted.
/// </summary>
public static class Patience
{
    public static TimeSpan Of(TimeSpan baseline) =>
        double.TryParse(Environment.GetEnvironmentVariable("KC_PATIENCE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0
            ? baseline * factor
            : baseline;
}
