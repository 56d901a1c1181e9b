using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The session a login leaves behind (spec §2.14 step 3, §2.7): its AAL, its authentication methods, its id, its
/// times and its identity. This is what applications trust, so it is the most important outcome of every scenario.
/// </summary>
public static partial class SessionChecks
{
    public static readonly CheckDefinition Present = new("session.present", "the response carries a session", "session");
    public static readonly CheckDefinition AalIs = new("session.aal", "authenticator_assurance_level is the level the completed factors give", "session.authenticator_assurance_level");
    public static readonly CheckDefinition MethodsAre = new("session.methods", "authentication_methods lists each completed factor in order with its AAL", "session.authentication_methods", "sessionAuthenticationMethod.method", "sessionAuthenticationMethod.aal");
    public static readonly CheckDefinition FreshIdRule = new("session.id.fresh", "re-authenticating as another identity starts a fresh session (login/handler.go NewInactiveSession)", "session.id");
    public static readonly CheckDefinition IdIs = new("session.id", "the aal2 upgrade and a refresh keep the session id", "session.id");
    public static readonly CheckDefinition AuthenticatedLater = new("session.authenticated_at", "a completed factor moves authenticated_at forward", "session.authenticated_at");
    public static readonly CheckDefinition NotUpgraded = new("session.not-aal2", "a rejected code leaves the session below aal2", "session.authenticator_assurance_level");
    public static readonly CheckDefinition IdentityIdIs = new("session.identity.id", "the session belongs to the signed-in identity: its id, schema_id, state active and traits with the address", "session.identity", "identity.id", "identity.schema_id", "identity.state", "identity.traits");
    public static readonly CheckDefinition IdentityHiddenRule = new("session.identity.hidden", "a native aal1 session whose identity needs aal2 shows identity null", "session.identity");

    /// <summary>[password/aal1, code/aal2]: the methods after a code-MFA login (spec §2.14; e2e expectMethods [T]).</summary>
    public static readonly IReadOnlyList<(string Method, string Aal)> PasswordThenCode = [("password", "aal1"), ("code", "aal2")];

    /// <summary>
    /// /sessions/whoami after the second factor, in every suite: 200 with an active aal2 session of the identity
    /// carrying <paramref name="methods"/> (default <see cref="PasswordThenCode"/>; spec §2.14 step 3, §4.1), whose
    /// times are those the activation set, whose identity has no credentials. Returns the session.
    /// </summary>
    public static Session Aal2AfterCode(Observation o, string identityId, IReadOnlyList<(string Method, string Aal)>? methods = null, string? email = null, string? schemaId = null, int addedInSettings = 0)
    {
        StatusChecks.Is(o, 200, "an aal2 session satisfies whoami, spec §4.1");
        HeaderChecks.JsonContentType(o);
        var session = Session(o);
        Aal(o, session, "aal2", "the code upgraded the session, spec §2.14 step 3");
        Methods(o, session, methods ?? PasswordThenCode, "the code login appends code/aal2 to the password's aal1 entry, spec §2.14 step 3");
        IdentityIs(o, session, identityId, email, schemaId);
        if (o.Expect is { } expect)
        {
            Activated(o, session, expect.Facts.SessionLifespan, addedInSettings);
        }

        AbsenceChecks.NoCredentials(o, session);
        AbsenceChecks.NotTokenized(o, session);
        return session;
    }

    /// <summary>The response carries a session (whoami body or the session of a login response); returns it.</summary>
    public static Session Session(Observation o)
    {
        var session = o.Response.Session;
        var text = new FailureText
        {
            Headline = "no session in the response",
            Subject = "the response",
            Expectation = "carry a session",
            Actual = "it did not",
            Expected = "a session",
            Observed = session is null ? o.Response.Describe() : session.ToString(),
        };
        if (session is null)
        {
            Check.Require(o, Present, text);
        }

        Check.Passed(o, Present, text);
        return session;
    }

    /// <summary>authenticator_assurance_level (spec §2.14 step 3: aal2 needs an aal1 and an aal2 method).</summary>
    public static void Aal(Observation o, Session session, string expected, string why) =>
        Check.Verify(o, AalIs, session.Aal == expected, new FailureText
        {
            Headline = "session is " + session.Aal + " instead of " + expected,
            Subject = "the session's authenticator_assurance_level",
            Expectation = "be " + expected,
            Why = why,
            Actual = "it was " + Check.Quote(session.Aal),
            Expected = expected,
            Observed = session.ToString(),
        });

    /// <summary>
    /// authentication_methods, in order: method names and their AALs (spec §2.14: [password/aal1, code/aal2]; e2e
    /// expectMethods ["password","code"] [T]).
    /// </summary>
    public static void Methods(Observation o, Session session, IReadOnlyList<(string Method, string Aal)> expected, string why)
    {
        var actual = session.Methods.Select(m => (m.Method, m.Aal)).ToList();
        Check.Verify(o, MethodsAre, actual.SequenceEqual(expected), new FailureText
        {
            Headline = "authentication_methods differ",
            Subject = "the session's authentication_methods",
            Expectation = "be " + Pairs(expected),
            Why = why,
            Actual = "found " + Pairs(actual),
            Expected = Pairs(expected),
            Observed = Pairs(actual),
        });
    }

    /// <summary>The same session id as before: the aal2 upgrade and refresh keep the session (spec §2.7, §2.14 step 3).</summary>
    public static void SameId(Observation o, Session session, string expectedId, string why) =>
        Check.Verify(o, IdIs, session.Id == expectedId, new FailureText
        {
            Headline = "session id changed",
            Subject = "the session id",
            Expectation = "stay " + FlowDescription.ShortId(expectedId),
            Why = why,
            Actual = "it is now " + FlowDescription.ShortId(session.Id),
            Expected = expectedId,
            Observed = session.Id,
        });

    /// <summary>Another session id than the one the client held: a login as another identity never reuses it.</summary>
    public static void FreshId(Observation o, Session session, string previousId, string why) =>
        Check.Verify(o, FreshIdRule, session.Id != previousId, new FailureText
        {
            Headline = "session reused for another identity",
            Subject = "the session id",
            Expectation = "differ from the earlier session " + FlowDescription.ShortId(previousId),
            Why = why,
            Actual = "it is the same session",
            Expected = "a new session id",
            Observed = session.Id,
        });

    /// <summary>authenticated_at moved forward: the code login re-authenticates (spec §2.7, §2.14 step 3).</summary>
    public static void AuthenticatedAfter(Observation o, Session session, DateTimeOffset before, string why) =>
        Check.Verify(o, AuthenticatedLater, session.AuthenticatedAt > before, new FailureText
        {
            Headline = "authenticated_at not refreshed",
            Subject = "the session's authenticated_at",
            Expectation = "be later than " + Time(before),
            Why = why,
            Actual = "it was " + Time(session.AuthenticatedAt),
            Expected = "> " + Time(before),
            Observed = Time(session.AuthenticatedAt),
        });

    /// <summary>
    /// whoami shows no aal2 session: the code was rejected, so the session must still be aal1 (whoami then answers 403
    /// under highest_available or 200 aal1 under aal1, spec §4.1).
    /// </summary>
    public static void NotAal2(Observation o, string why)
    {
        var session = o.Response.Session;
        Check.Verify(o, NotUpgraded, session?.Aal != "aal2", new FailureText
        {
            Headline = "session upgraded to aal2",
            Subject = "the session",
            Expectation = "stay below aal2",
            Why = why,
            Actual = "it is aal2",
            Expected = "aal1 (whoami 403 session_aal2_required or 200 aal1)",
            Observed = session?.ToString() ?? o.Response.Describe(),
        });
    }

    /// <summary>The session belongs to the test's identity: its id, schema, state active and the traits it was created with.</summary>
    public static void IdentityIs(Observation o, Session session, string identityId, string? email = null, string? schemaId = null)
    {
        var identity = session.Identity;
        var actual = (string?)identity?["id"];
        var state = (string?)identity?["state"];
        var schema = (string?)identity?["schema_id"];
        var traits = identity?["traits"]?.ToJsonString() ?? "(none)";
        var ok = actual == identityId && state == "active"
            && (schemaId is null || schema == schemaId)
            && (email is null || traits.Contains(email, StringComparison.OrdinalIgnoreCase));
        Check.Verify(o, IdentityIdIs, ok, new FailureText
        {
            Headline = identity is null ? "session without its identity" : actual == identityId ? "session identity differs" : "session of another identity",
            Subject = "session.identity",
            Expectation = "be the signed-in identity " + identityId + " (state active" + (schemaId is null ? string.Empty : ", schema_id " + schemaId) + (email is null ? string.Empty : ", traits with " + email) + ")",
            Why = "spec §2.14: the identity is present once AAL is satisfied",
            Actual = "it was " + Check.Quote(actual) + " state " + Check.Quote(state) + " schema_id " + Check.Quote(schema),
            Expected = identityId,
            Observed = (actual ?? "(no identity)") + " state=" + (state ?? "(none)") + " schema_id=" + (schema ?? "(none)") + " traits=" + traits,
        });
    }

    /// <summary>identity is null: Kratos hides the identity of a native session until AAL2 (spec §3 last row).</summary>
    public static void IdentityHidden(Observation o, Session session) =>
        Check.Verify(o, IdentityHiddenRule, session.Identity is null, new FailureText
        {
            Headline = "identity visible on an aal1 session",
            Subject = "session.identity",
            Expectation = "be null until the second factor is done",
            Why = "spec §3, highest_available",
            Actual = "it was present",
            Expected = "null",
            Observed = session.Identity is null ? "null" : "identity " + ((string?)session.Identity["id"] ?? "(no id)"),
        });

    private static string Pairs(IEnumerable<(string Method, string Aal)> pairs) => Check.List(pairs.Select(p => p.Method + "/" + p.Aal));

    internal static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss.ffffffK", CultureInfo.InvariantCulture);
}
