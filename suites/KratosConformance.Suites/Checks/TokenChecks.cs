namespace KratosConformance.Suites.Checks;

/// <summary>
/// The native session token: the aal2 upgrade answers with the same token the client sent (spec §2.14 step 5, API
/// row; §9 note 6). A new token would silently log out every other holder of the old one.
/// </summary>
public static class TokenChecks
{
    public static readonly CheckDefinition SameToken = new("session_token.same", "the aal2 upgrade and a refresh answer the token the client sent", "successfulNativeLogin.session_token");

    public static readonly CheckDefinition FreshToken = new("session_token.fresh", "a login as another identity answers a new token, never the one the client sent", "successfulNativeLogin.session_token");

    public static void Same(Observation o, string? before, string why)
    {
        var after = o.Response.SessionToken;
        // Tokens are secrets: the failure shows only whether they match, never their values.
        Check.Verify(o, SameToken, before is not null && after == before, new FailureText
        {
            Headline = "session_token changed",
            Subject = "session_token",
            Expectation = "be the token sent with the request",
            Why = why,
            Actual = after is null ? "the response had none" : before is null ? "the password login returned none to compare with" : "it was a different token",
            Expected = "the same token as before",
            Observed = after is null ? "(none)" : after == before ? "the same token" : "a different token",
        });
    }

    /// <summary>A token, and not the one the client held: the session of another identity has its own token.</summary>
    public static void Fresh(Observation o, string? before, string why)
    {
        var after = o.Response.SessionToken;
        Check.Verify(o, FreshToken, after is not null && after != before, new FailureText
        {
            Headline = after is null ? "no session_token" : "session_token reused for another identity",
            Subject = "session_token",
            Expectation = "be a new token",
            Why = why,
            Actual = after is null ? "the response had none" : "it was the token sent with the request",
            Expected = "a token other than the one sent",
            Observed = after is null ? "(none)" : after == before ? "the same token" : "a different token",
        });
    }
}
