namespace KratosConformance.Suites.Checks;

/// <summary>
/// What a send does to the code (spec §2.8 step 3–4, §2.10): every send mints a fresh code, so a resend mails a
/// different one (a six-digit random code repeats once in a million sends).
/// </summary>
public static class CodeChecks
{
    public static readonly CheckDefinition RenewedRule = new("code.renewed", "a resend mails a new code, not the earlier one", "mail.body");

    public static void Renewed(Observation o, string before, string after) =>
        Check.Verify(o, RenewedRule, before != after, new FailureText
        {
            Headline = "resend mailed the same code",
            Subject = "the resent code",
            Expectation = "differ from the first one",
            Why = "each send generates a new code and deletes the earlier ones, spec §2.8 step 3–4, §2.10",
            Actual = "it was the same",
            Expected = "a new code",
            Observed = before == after ? "the same code" : "a new code",
        });
}
