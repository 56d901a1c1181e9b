using System.Globalization;

namespace Kratos.Double.Tests.Support;

/// <summary>A named limit of one wait in the double's tests (<see cref="Patience.For"/>): its length and the factor it was scaled by.</summary>
public sealed record TestDeadline(string Name, TimeSpan Limit, double Factor)
{
    /// <summary>"the courier status sent deadline (5 s at KC_PATIENCE=1; raise KC_PATIENCE, e.g. KC_PATIENCE=2)".</summary>
    public string Expired => string.Create(
        CultureInfo.InvariantCulture,
        $"the {Name} deadline ({Limit.TotalSeconds:0.#} s at KC_PATIENCE={Factor:0.##}; raise KC_PATIENCE on a slow machine, e.g. KC_PATIENCE={Factor * 2:0.##})");
}
