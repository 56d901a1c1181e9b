using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What Kratos must NOT return. A session token in a browser or SPA answer hands a bearer credential to page scripts;
/// credentials in a session leak password hashes and code addresses to every holder of the session (spec §2.14:
/// the session's identity has no credentials, session/session.go Declassified); tokenized appears only when asked for.
/// </summary>
public static class AbsenceChecks
{
    public static readonly CheckDefinition NoToken = new("response.session_token.absent", "a browser or SPA login never receives a session_token", "successfulNativeLogin.session_token");
    public static readonly CheckDefinition NoCredentialsRule = new("session.identity.credentials.absent", "the identity inside a session carries no credentials", "identity.credentials");
    public static readonly CheckDefinition NoTokenized = new("session.tokenized.absent", "tokenized appears only with ?tokenize_as=", "session.tokenized");
    public static readonly CheckDefinition NoCookieForNative = new("cookie.none-for-native", "a native (API) client is never sent a session cookie", "http.Set-Cookie");

    public static void NoSessionToken(Observation o, string why) =>
        Check.Verify(o, NoToken, string.IsNullOrEmpty(o.Response.SessionToken), new FailureText
        {
            Headline = "session_token sent to a browser client",
            Subject = "the response body",
            Expectation = "not carry a session_token",
            Why = why,
            Actual = "it carried one",
            Expected = "(no session_token)",
            Observed = string.IsNullOrEmpty(o.Response.SessionToken) ? "(no session_token)" : "a session_token",
        });

    public static void NoCredentials(Observation o, Session session)
    {
        var present = session.Identity?["credentials"] is not null;
        Check.Verify(o, NoCredentialsRule, !present, new FailureText
        {
            Headline = "credentials inside the session",
            Subject = "session.identity",
            Expectation = "carry no credentials",
            Why = "a session's identity is declassified, spec §2.14 (session/session.go Declassified)",
            Actual = "it carried credentials",
            Expected = "(no credentials)",
            Observed = present ? "credentials: " + Check.List(session.Identity!["credentials"]!.AsObject().Select(c => c.Key)) : "(no credentials)",
        });
    }

    public static void NotTokenized(Observation o, Session session) =>
        Check.Verify(o, NoTokenized, session.Raw["tokenized"] is null, new FailureText
        {
            Headline = "tokenized session without tokenize_as",
            Subject = "the session",
            Expectation = "not carry tokenized",
            Why = "only ?tokenize_as= adds it, spec §2.14",
            Actual = "it carried tokenized",
            Expected = "(no tokenized)",
            Observed = session.Raw["tokenized"] is null ? "(no tokenized)" : "tokenized",
        });

    /// <summary>A native response sets no session cookie (the token is its credential, spec §3).</summary>
    public static void NoSessionCookie(Observation o, string cookieName)
    {
        var set = o.Response.SetCookies.Where(c => c.Name == cookieName).ToList();
        Check.Verify(o, NoCookieForNative, set.Count == 0, new FailureText
        {
            Headline = "session cookie sent to a native client",
            Subject = "Set-Cookie",
            Expectation = "not set " + cookieName,
            Why = "API clients hold the session token, never a cookie, spec §3",
            Actual = "it set " + Check.List(set.Select(c => c.Describe())),
            Expected = "(no " + cookieName + ")",
            Observed = set.Count == 0 ? "(none)" : Check.List(set.Select(c => c.Describe())),
        });
    }
}
