using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// error.code, the HTTP status the error stands for (spec §1.6). For a browser the response itself is a 303 to the
/// error UI, so the stored error's code is the only place the 401/403 shows up.
/// </summary>
public static class ErrorCodeChecks
{
    public static readonly CheckDefinition CodeIs = new("error.code", "error.code is the HTTP status the error stands for", "genericError.code");

    public static void Is(Observation o, KratosError error, int expected, string why)
    {
        var code = error.Code.ToString(CultureInfo.InvariantCulture);
        var want = expected.ToString(CultureInfo.InvariantCulture);
        Check.Verify(o, CodeIs, error.Code == expected, new FailureText
        {
            Headline = "error code " + code + " instead of " + want,
            Subject = "error.code of " + (error.Id ?? "the error"),
            Expectation = "be " + want,
            Why = why,
            Actual = "it was " + code,
            Expected = want,
            Observed = FlowDescription.Describe(error),
        });
    }
}
