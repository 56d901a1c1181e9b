namespace KratosConformance.Harness.Profiles;

/// <summary>
/// The configuration profiles the suites ask for: each is an overlay file in fixtures/profiles on top of the base
/// kratos.yml, the way Ory's own e2e tests organise by profile. A scenario that needs other config asks for another
/// profile instead of changing the shared one.
/// </summary>
public static class KratosProfiles
{
    /// <summary>Code MFA on, 1h code lifespan, whoami requires the highest available AAL.</summary>
    public const string Default = "default";

    /// <summary>Code lifespan of 1ms: a code is expired by the time the test has read it from the mailbox (spec §2.12).</summary>
    public const string ShortCodeLifespan = "short-code-lifespan";

    /// <summary>Login flow lifespan of 1ms: a flow is expired by the time the client fetches or submits it (spec §2.12).</summary>
    public const string ShortLoginLifespan = "short-login-lifespan";

    /// <summary>session.whoami.required_aal: aal1, so an aal1 session passes whoami (spec §4.1).</summary>
    public const string WhoamiAal1 = "whoami-aal1";

    /// <summary>TOTP as the only second factor (factors spec §3).</summary>
    public const string Totp = "totp";

    /// <summary>Backup codes (lookup secrets) as the only second factor (factors spec §4).</summary>
    public const string Lookup = "lookup";

    /// <summary>The emailed code, TOTP and backup codes together (factors spec §6).</summary>
    public const string Mixed = "mixed";

    /// <summary>privileged_session_max_age 1ms: every privileged settings action needs re-authentication (factors spec §7.4).</summary>
    public const string SettingsPrivileged = "settings-privileged";

    /// <summary>selfservice.flows.settings.required_aal: aal1 (factors spec §7.2).</summary>
    public const string SettingsAal1 = "settings-aal1";

    /// <summary>Recovery by the emailed code for identities with TOTP, settings and whoami at highest_available (factors spec §8).</summary>
    public const string Recovery = "recovery";

    /// <summary>The recovery profile with selfservice.flows.settings.required_aal (and whoami) at aal1 (factors spec §8 item 4).</summary>
    public const string RecoveryAal1 = "recovery-aal1";

    /// <summary>The recovery profile without feature_flags.use_continue_with_transitions (factors spec §8 item 1).</summary>
    public const string RecoveryNoTransitions = "recovery-no-transitions";

    /// <summary>Code MFA whose address is an optional trait of its own (code-optional.schema.json; factors spec §9).</summary>
    public const string CodeOptional = "code-optional";

    /// <summary>The code sent by SMS through the courier's http channel to the harness's SMS sink (factors spec §10).</summary>
    public const string Sms = "sms";

    /// <summary>WebAuthn security keys as the only second factor (factors spec §5).</summary>
    public const string WebAuthn = "webauthn";

    public static IReadOnlyList<string> All { get; } = [Default, ShortCodeLifespan, ShortLoginLifespan, WhoamiAal1, Totp, Lookup, Mixed, SettingsPrivileged, SettingsAal1, Recovery, RecoveryAal1, RecoveryNoTransitions, CodeOptional, Sms, WebAuthn];
}
