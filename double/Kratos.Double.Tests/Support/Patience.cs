using System.Globalization;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// Deadlines of the double's tests, scaled by KC_PATIENCE (a factor, default 1; the same variable ./kc test and
/// --patience set) so a loaded CI runner can be given more time without touching the tests. A deadline bounds a wait,
/// it is never the thing asserted, and it names itself when it expires (<see cref="TestDeadline.Expired"/>).
/// </summary>
public static class Patience
{
    /// <summary>The deadline named <paramref name="name"/> ("courier status sent") for a baseline at patience 1.</summary>
    public static TestDeadline For(string name, TimeSpan baseline)
    {
        var factor = Factor;
        return new TestDeadline(name, baseline * factor, factor);
    }

    private static double Factor =>
        double.TryParse(Environment.GetEnvironmentVariable("KC_PATIENCE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
        && double.IsFinite(factor) && factor > 0
            ? factor
            : 1;
}
