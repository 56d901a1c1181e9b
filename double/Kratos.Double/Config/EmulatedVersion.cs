namespace Kratos.Double.Config;

/// <summary>The Kratos releases the double emulates (kratos-mfa-spec.md §7).</summary>
internal static class EmulatedVersion
{
    public const string V26_2_0 = "v26.2.0";
    public const string V25_4_0 = "v25.4.0";
    public const string V1_3_1 = "v1.3.1";
    public static readonly string[] Supported = [V26_2_0, V25_4_0, V1_3_1];

    public static int Compare(string a, string b) => Parse(a).CompareTo(Parse(b));

    private static Version Parse(string v) => System.Version.Parse(v.TrimStart('v'));
}
