namespace Kratos.Double.Config;

/// <summary>
/// The catalogue behind the public <see cref="Deviations"/>: named misbehaviours the double can be switched into (env <c>KRATOS_DOUBLE_DEVIATIONS</c>). Each is a regression a
/// Kratos version or a misconfiguration could plausibly show; the suites must catch every one of them.
/// </summary>
internal static class DeviationNames
{
    public const string WrongCodeMessageId = "wrong-code-message-id";
    public const string RefreshMissing1010003 = "refresh-missing-1010003";
    public const string Aal2Missing1010004 = "aal2-missing-1010004";
    public const string ResendKeepsOldCode = "resend-keeps-old-code";
    public const string NoAttemptLimit = "no-attempt-limit";
    public const string SessionStaysAal1 = "session-stays-aal1";
    public const string ForeignFlowCodeAccepted = "foreign-flow-code-accepted";
    public const string CsrfNotEnforced = "csrf-not-enforced";
    public const string WhoamiIgnoresRequiredAal = "whoami-ignores-required-aal";
    public const string StateStuckChooseMethod = "state-stuck-choose-method";
    public const string AddressLabelMissing = "address-label-missing";
    public const string CodeMailNeverSent = "code-mail-never-sent";
    public const string CodeWrongLength = "code-wrong-length";
    public const string SpaSent200 = "spa-sent-200";
    public const string AmrLacksCode = "amr-lacks-code";
    public const string SessionIdChanges = "session-id-changes";
    public const string MissingCodeCounted = "missing-code-counted";
    public const string ReplayAccepted = "replay-accepted";
    public const string ExpiredCodeAccepted = "expired-code-accepted";
    public const string NoSessionAal2Allowed = "no-session-aal2-allowed";
    public const string AddressNotVerified = "address-not-verified";
    public const string AuthenticatedAtNotRefreshed = "authenticated-at-not-refreshed";
    public const string SessionTokenChanges = "session-token-changes";
    public const string CsrfKeptAtLogin = "csrf-kept-at-login";

    public const string UpgradeDropsTotp = "upgrade-drops-totp";
    public const string UpgradeLosesVerifiedFlags = "upgrade-loses-verified-flags";
    public const string UpgradeInvalidatesSessions = "upgrade-invalidates-sessions";
    public const string UpgradeLeavesSchemaBehind = "upgrade-leaves-schema-behind";
    public const string UpgradeDropsWebAuthn = "upgrade-drops-webauthn";
    public const string TotpWindowTooWide = "totp-window-too-wide";
    public const string TotpUnlinkKeepsCredential = "totp-unlink-keeps-credential";
    public const string TotpEnrolmentStaysAal1 = "totp-enrolment-stays-aal1";
    public const string TotpWrongCodeMessageId = "totp-wrong-code-message-id";
    public const string LookupUsedCodeAccepted = "lookup-used-code-accepted";
    public const string LookupRegenerateSavesAtOnce = "lookup-regenerate-saves-at-once";
    public const string LookupRegenerateWinsOverReveal = "lookup-regenerate-wins-over-reveal";
    public const string SettingsAal1Allowed = "settings-aal1-allowed";
    public const string PrivilegedWindowIgnored = "privileged-window-ignored";
    public const string AvailableAalIgnoresTotp = "available-aal-ignores-totp";
    public const string RecoverySessionAal2 = "recovery-session-aal2";
    public const string RecoverySettingsIgnoreAal = "recovery-settings-ignore-aal";
    public const string RecoveryMissing1060001 = "recovery-missing-1060001";
    public const string RecoveryAmrLinkMethod = "recovery-amr-link-method";
    public const string RecoverySettingsHighestAal = "recovery-settings-highest-aal";
    public const string RecoveryWindowSessionLifespan = "recovery-window-session-lifespan";
    public const string RecoveryTransitionsAlwaysOn = "recovery-transitions-always-on";
    public const string RecoveryReturnToDropped = "recovery-return-to-dropped";
    public const string CodeOptionalCountsEveryIdentity = "code-optional-counts-every-identity";
    public const string CodeOptionalSendsToLoginEmail = "code-optional-sends-to-login-email";
    public const string CodeOptionalIgnoresOptionalTrait = "code-optional-ignores-optional-trait";
    public const string MixedFastLoginIgnoresOtherFactors = "mixed-fast-login-ignores-other-factors";
    public const string MixedTotpHidesLookup = "mixed-totp-hides-lookup";
    public const string MixedOtherFactorsHideCode = "mixed-other-factors-hide-code";
    public const string SmsWrongTemplateType = "sms-wrong-template-type";
    public const string SmsBodyMissingCode = "sms-body-missing-code";
    public const string SmsSentToEmail = "sms-sent-to-email";
    public const string SmsExpiryLineMissing = "sms-expiry-line-missing";
    public const string WebAuthnOriginNotChecked = "webauthn-origin-not-checked";
    public const string WebAuthnChallengeNotChecked = "webauthn-challenge-not-checked";
    public const string WebAuthnCounterEnforced = "webauthn-counter-enforced";
    public const string WebAuthnRegistrationStaysAal1 = "webauthn-registration-stays-aal1";

    /// <summary>The emailed code's deviations, caught by the login.code-mfa suites.</summary>
    public static IReadOnlyList<(string Name, string Description)> CodeMfa { get; } =
    [
        (WrongCodeMessageId, "a wrong code is reported with 4010002 (no strategy) instead of 4010008"),
        (RefreshMissing1010003, "a refresh=true login flow lacks info message 1010003"),
        (Aal2Missing1010004, "an aal2 login flow lacks info message 1010004"),
        (ResendKeepsOldCode, "resend=code sends a new code but the earlier code of the flow stays valid"),
        (NoAttemptLimit, "max_submissions is ignored: unlimited code attempts, no 4000001 lockout"),
        (SessionStaysAal1, "a correct code completes the flow but the session stays aal1"),
        (ForeignFlowCodeAccepted, "a code issued for another login flow of the same identity is accepted"),
        (CsrfNotEnforced, "browser flows accept submissions and fetches without a valid CSRF cookie/token pair"),
        (WhoamiIgnoresRequiredAal, "/sessions/whoami answers 200 for an aal1 session under highest_available"),
        (StateStuckChooseMethod, "after the code is sent the flow state stays choose_method instead of sent_email"),
        (AddressLabelMissing, "address buttons (and the hidden identifier) carry no 1010023 label"),
        (CodeMailNeverSent, "the code is generated and the flow says sent, but no courier message is queued"),
        (CodeWrongLength, "login codes have 8 digits instead of 6"),
        (SpaSent200, "JSON clients get 200 instead of 400 after a code was sent"),
        (AmrLacksCode, "authentication_methods does not gain {method: code, aal: aal2} after the code"),
        (SessionIdChanges, "the aal2 upgrade issues a new session id instead of keeping the existing one"),
        (MissingCodeCounted, "a submission without a code counts towards max_submissions"),
        (ReplayAccepted, "a used code completes the flow again instead of answering 4000001 / 4010002"),
        (ExpiredCodeAccepted, "a code past selfservice.methods.code.config.lifespan is still accepted"),
        (NoSessionAal2Allowed, "an aal2 login flow can be created without any session instead of 401 session_aal1_required"),
        (AddressNotVerified, "a successful code login does not mark the address verified"),
        (AuthenticatedAtNotRefreshed, "authenticated_at keeps its first-factor value after the aal2 upgrade"),
        (SessionTokenChanges, "a native aal2 login answers a different session_token than the one sent"),
        (CsrfKeptAtLogin, "a browser login that starts a session keeps the anti-CSRF token of before instead of setting a new CSRF cookie"),
    ];

    /// <summary>
    /// TOTP, lookup-secret, mixed-factor and settings/AAL deviations, caught by the login.totp, login.lookup-secret,
    /// login.mixed, settings.totp and settings.lookup-secret suites (issue 15). Each also has a double-level test (FactorDeviationTests) showing it
    /// changes the double's own walk.
    /// </summary>
    public static IReadOnlyList<(string Name, string Description)> Factors { get; } =
    [
        (TotpWindowTooWide, "TOTP codes up to 5 time steps (2.5 minutes) away are accepted instead of only the previous, current and next step"),
        (TotpUnlinkKeepsCredential, "totp_unlink answers success (1050001) but the TOTP credential stays, so login still offers and accepts it"),
        (TotpEnrolmentStaysAal1, "enrolling TOTP in settings does not add {method: totp, aal: aal2} to the session, which stays aal1"),
        (TotpWrongCodeMessageId, "a wrong TOTP code at login is reported with 4000006 (invalid credentials) instead of 4000008"),
        (LookupUsedCodeAccepted, "a backup code that was already used completes the aal2 login again instead of 4000012"),
        (LookupRegenerateSavesAtOnce, "lookup_secret_regenerate stores the new codes at once (old codes die before confirm; confirm then fails)"),
        (LookupRegenerateWinsOverReveal, "with several lookup actions posted, regenerate wins over reveal (Kratos: confirm > reveal > disable > regenerate)"),
        (SettingsAal1Allowed, "an aal1 session opens and submits settings although required_aal is highest_available and aal2 is available"),
        (PrivilegedWindowIgnored, "privileged settings actions (TOTP, lookup) succeed with a session older than privileged_session_max_age"),
        (AvailableAalIgnoresTotp, "an identity whose only second factor is TOTP counts as aal1-only: whoami and settings accept its aal1 session"),
        (RecoverySessionAal2, "the session a recovery issues is aal2 ({code_recovery, aal2} plus an aal1 entry), so an identity with TOTP gets whoami and settings without its second factor"),
        (RecoverySettingsIgnoreAal, "a session issued by recovery opens and submits settings at aal1 although required_aal is highest_available and the identity has TOTP"),
        (RecoveryMissing1060001, "the settings flow a successful recovery creates lacks the success message 1060001 (the privileged-window notice)"),
        (RecoveryAmrLinkMethod, "a recovery by code records authentication method link_recovery instead of code_recovery"),
        (RecoverySettingsHighestAal, "a session issued by recovery gets settings only at the highest available AAL although required_aal is aal1: its own settings flow answers session_aal2_required"),
        (RecoveryWindowSessionLifespan, "the 1060001 notice counts the privileged window with session.lifespan instead of privileged_session_max_age"),
        (RecoveryTransitionsAlwaysOn, "without feature_flags.use_continue_with_transitions a JSON client's successful recovery still answers 200 + continue_with instead of 422 browser_location_change_required"),
        (RecoveryReturnToDropped, "the settings flow a recovery creates does not take over the recovery's return_to: after the password change the user lands on the settings UI"),
        (CodeOptionalCountsEveryIdentity, "with code mfa_enabled every identity counts as having aal2 available (v1.3.1's counting), also one without any code address"),
        (CodeOptionalSendsToLoginEmail, "the aal2 code is offered and sent to the identity's verifiable (login) e-mail addresses instead of the addresses of its code credential"),
        (CodeOptionalIgnoresOptionalTrait, "a code address on a trait that is not also the password identifier does not count: aal2 stays unavailable, the second factor is never asked"),
        (MixedFastLoginIgnoresOtherFactors, "v26.2.0 sends the emailed code on creating the aal2 flow although the identity also has TOTP or backup codes (FastLogin2FA ignoring the other strategies)"),
        (MixedTotpHidesLookup, "an identity with TOTP and backup codes gets only the TOTP form at aal2: the backup-code form is left out"),
        (MixedOtherFactorsHideCode, "an identity with TOTP or backup codes gets no \"Send code to …\" button at aal2: the emailed code is offered only as the sole factor"),
        (SmsWrongTemplateType, "an SMS login code is queued with template_type verification_code_valid instead of login_code_valid"),
        (SmsBodyMissingCode, "the SMS reaches the gateway without the code: ctx.template_data.login_code is empty and the text lacks it"),
        (SmsSentToEmail, "the code for a phone address is mailed to the identity's email address instead of sent by SMS"),
        (SmsExpiryLineMissing, "the SMS text lacks the 'It expires in N minutes.' line that v25.4.0 and later send"),
        (WebAuthnOriginNotChecked, "WebAuthn attestations and assertions from any origin are accepted: clientDataJSON.origin is not compared with rp.origins"),
        (WebAuthnChallengeNotChecked, "a WebAuthn assertion signed over another flow's challenge is accepted: clientDataJSON.challenge is not compared with the flow's"),
        (WebAuthnCounterEnforced, "a WebAuthn sign counter that does not increase is refused (4000008) and the counter persisted, though Kratos at these versions does neither"),
        (WebAuthnRegistrationStaysAal1, "registering a security key in settings does not add {method: webauthn, aal: aal2} to the session, which stays aal1"),
    ];

    /// <summary>Every deviation a suite catches, with a one-line description, in the order <c>kratos-double deviations</c> prints.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } = [.. CodeMfa, .. Factors];

    /// <summary>
    /// Deviations whose suites are not written yet: accepted by name, but not in <see cref="All"/>, because the kill
    /// matrix fails on an entry no suite catches. Empty since issue 15's suites catch every factor deviation.
    /// </summary>
    public static IReadOnlyList<(string Name, string Description)> AwaitingSuites { get; } = [];

    /// <summary>
    /// Deviations of <c>migrate sql</c> on a database an older version migrated: they show only across an upgrade, so the
    /// upgrade certification (<c>kc upgrade</c>) catches them, not the suite run on a fresh database (the kill matrix).
    /// </summary>
    public static IReadOnlyList<(string Name, string Description)> Upgrade { get; } =
    [
        (UpgradeDropsTotp, "the migration to this version deletes every TOTP credential: users enrolled before the upgrade lose their authenticator"),
        (UpgradeLosesVerifiedFlags, "the migration to this version resets every verifiable address to verified: false, status: pending"),
        (UpgradeInvalidatesSessions, "the migration to this version deactivates every session: everyone is signed out by the upgrade"),
        (UpgradeLeavesSchemaBehind, "migrate sql reports success but applies none of this version's own migrations, so serve finds them pending"),
        (UpgradeDropsWebAuthn, "the migration to this version deletes every WebAuthn credential: users who registered a security key before the upgrade can not use it"),
    ];

    /// <summary>Every name the double accepts: <see cref="All"/>, <see cref="AwaitingSuites"/> and <see cref="Upgrade"/>.</summary>
    public static IEnumerable<(string Name, string Description)> Known => All.Concat(AwaitingSuites).Concat(Upgrade);

    public static bool IsKnown(string name) => Known.Any(d => d.Name == name);
}
