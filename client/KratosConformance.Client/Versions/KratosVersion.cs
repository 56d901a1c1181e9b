using System.Globalization;

namespace KratosConformance.Client.Versions;

/// <summary>
/// A Kratos release. Expectations are keyed by it: Ory moved from v1.x to calendar versions (v25.4.0, v26.2.0), which
/// still order correctly as numbers. Spec §7 lists what changed in each.
/// </summary>
public sealed record KratosVersion(int Major, int Minor, int Patch) : IComparable<KratosVersion>
{
    public static readonly KratosVersion V1_3_1 = new(1, 3, 1);
    public static readonly KratosVersion V25_4_0 = new(25, 4, 0);
    public static readonly KratosVersion V26_2_0 = new(26, 2, 0);

    /// <summary>The versions the suites carry expectations for.</summary>
    public static IReadOnlyList<KratosVersion> Known { get; } = [V1_3_1, V25_4_0, V26_2_0];

    /// <summary>Parses "v26.2.0", "26.2.0", "v26.2.0-pre.1" or "master"-style builds' leading version.</summary>
    public static bool TryParse(string? text, out KratosVersion version)
    {
        version = V26_2_0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var core = text.Trim().TrimStart('v', 'V').Split('-', '+')[0].Split('.');
        if (core.Length < 2
            || !int.TryParse(core[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(core[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        var patch = 0;
        if (core.Length > 2 && !int.TryParse(core[2], NumberStyles.None, CultureInfo.InvariantCulture, out patch))
        {
            return false;
        }

        version = new KratosVersion(major, minor, patch);
        return true;
    }

    public static KratosVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a Kratos version; expected e.g. v26.2.0, v25.4.0 or v1.3.1.");

    public int CompareTo(KratosVersion? other) => other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(KratosVersion a, KratosVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(KratosVersion a, KratosVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(KratosVersion a, KratosVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(KratosVersion a, KratosVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");
}
