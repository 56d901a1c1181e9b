using KratosConformance.Containers;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Wire names of the settings' enums (option values, KC_* variable values): lower-case, as users type them. Parsing
/// is case-insensitive and names the valid values when it fails.
/// </summary>
public static class SettingNames
{
    public static string Id(this TargetKind target) => target.ToString().ToLowerInvariant();

    public static string Id(this MailAccess access) => access.ToString().ToLowerInvariant();

    public static string Id(this MailSinkKind sink) => sink.ToString().ToLowerInvariant();

    /// <summary>The ids of every value of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Ids<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ToString().ToLowerInvariant()).ToList();

    /// <summary>Parses an id of <typeparamref name="T"/>; null when <paramref name="text"/> is none of them.</summary>
    public static T? Parse<T>(string text)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => string.Equals(v!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));
}
