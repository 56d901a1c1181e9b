using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The session a login leaves behind (spec §2.14 step 3, §2.7): its AAL, its authentication methods, its id and its
/// authenticated_at. This is what applications trust, so it is the most important outcome of every scenario.
/// </summary>
public static class SessionChecks
{
    /// <summary>[password/aal1, code/aal2]: the methods after a code-MFA login (spec §2.14; e2e expectMethods [T]).</summary>
    public static readonly IReadOnlyList<(string Method, string Aal)> PasswordThenCode = [("password", "aal1"), ("code", "aal2")];

    /// <summary>
    /// /sessions/whoami after the second factor, in every suite: 200 with an aal2 session of the identity carrying
    /// <paramref name="methods"/> (default <see cref="PasswordThenCode"/>; spec §2.14 step 3, §4.1). Returns the session.
    /// </summary>
    public static Session Aal2AfterCode(Observation o, string identityId, IReadOnlyList<(string Method, string Aal)>? methods = null)
    {
        StatusChecks.Is(o, 200, "an aal2 session satisfies whoami, spec §4.1");
        var session = Present(o);
        Aal(o, session, "aal2", "the code upgraded the session, spec §2.14 step 3");
        Methods(o, session, methods ?? PasswordThenCode, "the code login appends code/aal2 to the password's aal1 entry, spec §2.14 step 3");
        IdentityIs(o, session, identityId);
        return session;
    }

    /// <summary>The response carries a session (whoami body or the session of a login response); returns it.</summary>
    public static Session Present(Observation o)
    {
        var session = o.Response.Session;
        if (session is null)
        {
            Fail(o, "no session in the response", "the response", "carry a session", "it did not", "a session", o.Response.Describe());
        }

        return session!;
    }

    /// <summary>authenticator_assurance_level (spec §2.14 step 3: aal2 needs an aal1 and an aal2 method).</summary>
    public static void Aal(Observation o, Session session, string expected, string why)
    {
        if (session.Aal != expected)
        {
            Fail(o, "session is " + session.Aal + " instead of " + expected, "the session's authenticator_assurance_level", "be " + expected + " (" + why + ")",
                "it was " + Check.Quote(session.Aal), expected, session.ToString());
        }
    }

    /// <summary>
    /// authentication_methods, in order: method names and their AALs (spec §2.14: [password/aal1, code/aal2]; e2e
    /// expectMethods ["password","code"] [T]).
    /// </summary>
    public static void Methods(Observation o, Session session, IReadOnlyList<(string Method, string Aal)> expected, string why)
    {
        var actual = session.Methods.Select(m => (m.Method, m.Aal)).ToList();
        if (!actual.SequenceEqual(expected))
        {
            Fail(o, "authentication_methods differ", "the session's authentication_methods", "be " + Pairs(expected) + " (" + why + ")",
                "found " + Pairs(actual), Pairs(expected), Pairs(actual));
        }
    }

    /// <summary>The same session id as before: the aal2 upgrade and refresh keep the session (spec §2.7, §2.14 step 3).</summary>
    public static void SameId(Observation o, Session session, string expectedId, string why)
    {
        if (session.Id != expectedId)
        {
            Fail(o, "session id changed", "the session id", "stay " + FlowDescription.ShortId(expectedId) + " (" + why + ")",
                "it is now " + FlowDescription.ShortId(session.Id), expectedId, session.Id);
        }
    }

    /// <summary>authenticated_at moved forward: the code login re-authenticates (spec §2.7, §2.14 step 3).</summary>
    public static void AuthenticatedAfter(Observation o, Session session, DateTimeOffset before, string why)
    {
        if (session.AuthenticatedAt <= before)
        {
            Fail(o, "authenticated_at not refreshed", "the session's authenticated_at", "be later than " + Time(before) + " (" + why + ")",
                "it was " + Time(session.AuthenticatedAt), "> " + Time(before), Time(session.AuthenticatedAt));
        }
    }

    /// <summary>
    /// whoami shows no aal2 session: the code was rejected, so the session must still be aal1 (whoami then answers 403
    /// under highest_available or 200 aal1 under aal1, spec §4.1).
    /// </summary>
    public static void NotAal2(Observation o, string why)
    {
        if (o.Response.Session is { Aal: "aal2" } session)
        {
            Fail(o, "session upgraded to aal2", "the session", "stay below aal2 (" + why + ")", "it is aal2", "aal1 (whoami 403 session_aal2_required or 200 aal1)", session.ToString());
        }
    }

    /// <summary>The session belongs to the test's identity.</summary>
    public static void IdentityIs(Observation o, Session session, string identityId)
    {
        var actual = (string?)session.Identity?["id"];
        if (actual != identityId)
        {
            Fail(o, "session of another identity", "session.identity.id", "be the signed-in identity " + identityId + " (spec §2.14: the identity is present once AAL is satisfied)",
                "it was " + Check.Quote(actual), identityId, actual ?? "(no identity)");
        }
    }

    /// <summary>identity is null: Kratos hides the identity of a native session until AAL2 (spec §3 last row).</summary>
    public static void IdentityHidden(Observation o, Session session)
    {
        if (session.Identity is not null)
        {
            Fail(o, "identity visible on an aal1 session", "session.identity", "be null until the second factor is done (spec §3, highest_available)",
                "it was present", "null", "identity " + ((string?)session.Identity["id"] ?? "(no id)"));
        }
    }

    private static void Fail(Observation o, string headline, string subject, string expectation, string actual, string expectedValue, string actualValue) =>
        Check.Fail(CheckFailure.About(o, headline, subject, expectation, actual, expectedValue, actualValue));

    private static string Pairs(IEnumerable<(string Method, string Aal)> pairs) => Check.List(pairs.Select(p => p.Method + "/" + p.Aal));

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss.ffffffK", CultureInfo.InvariantCulture);
}
