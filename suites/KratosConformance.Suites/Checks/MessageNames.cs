using System.Globalization;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Short names of the Kratos message ids the suites assert on (spec §1), so a failure reads "4010008 (login code
/// invalid)" instead of a bare number. Only for humans: checks compare ids, never these names or Kratos's texts.
/// </summary>
public static class MessageNames
{
    private static readonly Dictionary<long, string> Names = new()
    {
        [1010003] = "re-authenticate",
        [1010004] = "complete the second factor",
        [1010014] = "code sent",
        [1010023] = "send code to address",
        [1010025] = "code sent (authenticated user)",
        [1050001] = "settings saved",
        [1070008] = "resend code",
        [1070009] = "continue",
        [1070013] = "login code",
        [4000001] = "generic error with reason",
        [4000002] = "property missing",
        [4000008] = "authentication code invalid",
        [4000012] = "backup code already used",
        [4000016] = "backup code not valid",
        [4010001] = "login flow expired",
        [4010002] = "no strategy found",
        [4010008] = "login code invalid or used",
    };

    /// <summary>"4010008 (login code invalid or used)", or the bare id when it has no name here.</summary>
    public static string Describe(long id) =>
        Names.TryGetValue(id, out var name)
            ? string.Create(CultureInfo.InvariantCulture, $"{id} ({name})")
            : id.ToString(CultureInfo.InvariantCulture);

    /// <summary>"[1010003, 1010004]" with bare ids, the way Kratos lists them.</summary>
    public static string Ids(IEnumerable<long> ids) => Check.List(ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
