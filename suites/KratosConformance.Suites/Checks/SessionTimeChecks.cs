using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The times and state an activation gives a session (session/manager_http.go ActivateSession, spec §2.7, §2.14 step
/// 3): active, issued_at = authenticated_at, expires_at = authenticated_at + session.lifespan, and each completed
/// method stamped when it completed. A session that keeps its first-factor expiry after the upgrade, or lives
/// longer than configured, changes when users are logged out.
/// </summary>
public static partial class SessionChecks
{
    public static readonly CheckDefinition ActiveRule = new("session.active", "a session returned after a login is active", "session.active");
    public static readonly CheckDefinition Lifespan = new("session.expires_at", "issued_at equals authenticated_at and expires_at is authenticated_at + session.lifespan (the activation sets all three)", "session.issued_at", "session.expires_at", "session.authenticated_at");
    public static readonly CheckDefinition CompletedAt = new("session.methods.completed_at", "each authentication method carries completed_at, in order, the last one at the activation", "sessionAuthenticationMethod.completed_at");
    public static readonly CheckDefinition DevicesRule = new("session.devices", "the session lists the device it was issued to, with an id", "session.devices", "sessionDevice.id");

    /// <summary>
    /// What ActivateSession leaves: active, the three times, completed_at of the methods, a device.
    /// <paramref name="addedInSettings"/>: how many of the last methods a settings flow added after the activation
    /// (TOTP enrolment, backup-code confirm: <c>SessionAddAuthenticationMethods</c> stamps their completed_at and leaves
    /// authenticated_at alone, factors spec §3.3, docs/kratos-facts.md), so the method at the activation is the one before them.
    /// </summary>
    public static void Activated(Observation o, Session session, TimeSpan lifespan, int addedInSettings = 0)
    {
        Check.Verify(o, ActiveRule, session.Active, new FailureText
        {
            Headline = "session not active",
            Subject = "session.active",
            Expectation = "be true",
            Why = "an issued session is active until it expires or is revoked, spec §2.14 (session/session.go IsActive)",
            Actual = "it was false",
            Expected = "true",
            Observed = session.Active ? "true" : "false",
        });

        var expires = session.AuthenticatedAt + lifespan;
        var ok = Close(session.IssuedAt, session.AuthenticatedAt) && Close(session.ExpiresAt, expires);
        Check.Verify(o, Lifespan, ok, new FailureText
        {
            Headline = "session times not those of the activation",
            Subject = "issued_at and expires_at",
            Expectation = "be authenticated_at " + Time(session.AuthenticatedAt) + " and authenticated_at + " + lifespan + " = " + Time(expires),
            Why = "ActivateSession sets issued_at = authenticated_at and expires_at = authenticated_at + session.lifespan, spec §2.7 (docs/kratos-facts.md)",
            Actual = "they were " + Time(session.IssuedAt) + " and " + Time(session.ExpiresAt),
            Expected = "issued_at " + Time(session.AuthenticatedAt) + ", expires_at " + Time(expires),
            Observed = "issued_at " + Time(session.IssuedAt) + ", expires_at " + Time(session.ExpiresAt),
        });

        var stamps = session.Methods.Select(m => m.CompletedAt).ToList();
        var ordered = stamps.All(s => s is not null) && stamps.Zip(stamps.Skip(1)).All(p => p.First <= p.Second);
        var activation = stamps.Count - 1 - addedInSettings;
        var last = activation >= 0 ? stamps[activation] : null;
        var current = last is { } l && Math.Abs((l - session.AuthenticatedAt).TotalSeconds) <= 5;
        var which = addedInSettings == 0 ? "the last one" : $"the last one before the {addedInSettings} added in settings";
        Check.Verify(o, CompletedAt, ordered && current, new FailureText
        {
            Headline = "completed_at of the methods out of place",
            Subject = "completed_at of authentication_methods",
            Expectation = $"be set, non-decreasing, {which} at authenticated_at " + Time(session.AuthenticatedAt),
            Why = addedInSettings == 0
                ? "CompletedLoginForMethod stamps each method when it completes, then the session is activated, spec §2.14 step 3"
                : "the login stamps its methods and activates the session; a settings flow appends its method later without touching authenticated_at, spec §2.14 step 3, factors spec §3.3",
            Actual = "they were " + Check.List(stamps.Select(s => s is { } t ? Time(t) : "(none)")),
            Expected = "ascending, last ≈ " + Time(session.AuthenticatedAt),
            Observed = Check.List(stamps.Select(s => s is { } t ? Time(t) : "(none)")),
        });

        var devices = session.Raw["devices"] as System.Text.Json.Nodes.JsonArray;
        var hasDevice = devices is { Count: > 0 } && devices.All(d => d?["id"] is not null);
        Check.Verify(o, DevicesRule, hasDevice, new FailureText
        {
            Headline = "session without device",
            Subject = "session.devices",
            Expectation = "list at least one device with an id",
            Why = "ActivateSession records the device of the request, spec §2.14 (session.go SetSessionDeviceInformation)",
            Actual = "it held " + (devices?.Count ?? 0) + " device(s)",
            Expected = "[{id, ip_address, user_agent, location}]",
            Observed = devices?.ToJsonString() ?? "(no devices)",
        });
    }

    // Both values come from one timestamp (exact in Kratos); a millisecond absorbs a serialisation that rounds.
    private static bool Close(DateTimeOffset a, DateTimeOffset b) => Math.Abs((a - b).TotalMilliseconds) < 1;
}
