using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// error.code, the HTTP status the error stands for (spec §1.6). For a browser the response itself is a 303 to the
/// error UI, so the stored error's code is the only place the 401/403 shows up.
/// </summary>
public static class ErrorCodeChecks
{
    public static void Is(Observation o, KratosError error, int expected, string why)
    {
        if (error.Code != expected)
        {
            Check.Fail(CheckFailure.About(
                o,
                "error code " + error.Code.ToString(CultureInfo.InvariantCulture) + " instead of " + expected.ToString(CultureInfo.InvariantCulture),
                "error.code of " + (error.Id ?? "the error"),
                "be " + expected.ToString(CultureInfo.InvariantCulture) + " (" + why + ")",
                "it was " + error.Code.ToString(CultureInfo.InvariantCulture),
                expected.ToString(CultureInfo.InvariantCulture),
                FlowDescription.Describe(error)));
        }
    }
}
