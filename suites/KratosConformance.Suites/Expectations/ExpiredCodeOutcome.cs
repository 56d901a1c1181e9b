namespace KratosConformance.Suites.Expectations;

/// <summary>What submitting an expired code to an aal2 flow yields (spec §2.12, version dependent).</summary>
public enum ExpiredCodeOutcome
{
    /// <summary>
    /// Up to v26.2.0: the code's flow-expired error cannot build a replacement flow (a session exists), so the old flow
    /// gets 4000001 "A valid session was detected…" ([C] in the spec, derived from the code).
    /// </summary>
    ValidSessionOnOldFlow,

    /// <summary>After v26.2.0 (HEAD, commit 6749e6d27): an inline 4010008 on the same flow, which stays in sent_email.</summary>
    InlineCodeInvalid,
}
