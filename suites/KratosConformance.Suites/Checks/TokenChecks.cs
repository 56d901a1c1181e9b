namespace KratosConformance.Suites.Checks;

/// <summary>
/// The native session token: the aal2 upgrade answers with the same token the client sent (spec §2.14 step 5, API
/// row; §9 note 6). A new token would silently log out every other holder of the old one.
/// </summary>
public static class TokenChecks
{
    public static void Same(Observation o, string? before, string why)
    {
        var after = o.Response.SessionToken;
        if (before is null || after != before)
        {
            // Tokens are secrets: the failure shows only whether they match, never their values.
            Check.Fail(CheckFailure.About(
                o,
                "session_token changed",
                "session_token",
                "be the token sent with the request (" + why + ")",
                after is null ? "the response had none" : before is null ? "the password login returned none to compare with" : "it was a different token",
                "the same token as before",
                after is null ? "(none)" : "a different token"));
        }
    }
}
