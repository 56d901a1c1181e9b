namespace Kratos.Double.Config;

/// <summary>The typed subset of kratos.yml the double acts on (defaults from embedx/config.schema.json).</summary>
internal sealed record DoubleConfig
{
    public required string Version { get; init; }
    public required bool Dev { get; init; }
    public required Uri PublicBaseUrl { get; init; }
    public required Uri AdminBaseUrl { get; init; }
    public required string PublicHost { get; init; }
    public required int PublicPort { get; init; }
    public required string AdminHost { get; init; }
    public required int AdminPort { get; init; }
    public required string DefaultBrowserReturnUrl { get; init; }
    public required IReadOnlyList<string> AllowedReturnUrls { get; init; }
    public required bool CodeEnabled { get; init; }
    public required bool MfaEnabled { get; init; }
    public required bool PasswordlessEnabled { get; init; }
    public required bool FallbackEnabled { get; init; }
    public required TimeSpan CodeLifespan { get; init; }
    public required int MaxSubmissions { get; init; }
    public required bool PasswordEnabled { get; init; }
    public required string LoginUiUrl { get; init; }
    public required TimeSpan LoginLifespan { get; init; }
    public required string? LoginAfterReturnUrl { get; init; }
    public required string? LoginAfterCodeReturnUrl { get; init; }
    public required string? LoginAfterPasswordReturnUrl { get; init; }
    public required string ErrorUiUrl { get; init; }
    public required string? LogoutAfterReturnUrl { get; init; }
    public required string WhoamiRequiredAal { get; init; }
    public required TimeSpan SessionLifespan { get; init; }
    public required string SessionCookieName { get; init; }
    public required string? CookieDomain { get; init; }
    public required string CookiePath { get; init; }
    public required string CookieSameSite { get; init; }
    public required string? SmtpConnectionUri { get; init; }
    public required string FromAddress { get; init; }
    public required string? FromName { get; init; }
    public required string LocalName { get; init; }
    public required int MessageRetries { get; init; }
    /// <summary>courier.worker.pull_wait: the courier's sleep between two pulls of its queue (1s by default).</summary>
    public required TimeSpan CourierPullWait { get; init; }
    /// <summary>courier.worker.pull_count: how many queued messages one pull takes (10 by default).</summary>
    public required int CourierPullCount { get; init; }
    /// <summary>courier.channels: the HTTP channel SMS go through (empty when none is configured).</summary>
    public required IReadOnlyList<CourierChannel> CourierChannels { get; init; }
    public required bool LogLeakSensitive { get; init; }
    public required string Dsn { get; init; }
    public required IdentitySchema Schema { get; init; }
    public required string SchemaId { get; init; }
    public required string SchemaUrl { get; init; }
    /// <summary>selfservice.methods.totp.enabled (false unless set).</summary>
    public required bool TotpEnabled { get; init; }
    /// <summary>selfservice.methods.totp.config.issuer; the public base URL's host name when unset (totp/generator.go).</summary>
    public required string TotpIssuer { get; init; }
    /// <summary>selfservice.methods.lookup_secret.enabled (false unless set).</summary>
    public required bool LookupEnabled { get; init; }
    /// <summary>selfservice.methods.webauthn: the relying party and origins (factors spec §5.1); off unless enabled.</summary>
    public WebAuthnConfig WebAuthn { get; init; } = WebAuthnConfig.Disabled;
    /// <summary>selfservice.methods.profile.enabled (true unless set).</summary>
    public required bool ProfileEnabled { get; init; }
    public required string SettingsUiUrl { get; init; }
    public required TimeSpan SettingsLifespan { get; init; }
    /// <summary>selfservice.flows.settings.required_aal: aal1 or highest_available (default).</summary>
    public required string SettingsRequiredAal { get; init; }
    /// <summary>selfservice.flows.settings.privileged_session_max_age (1h): how long after authenticated_at a session may change credentials.</summary>
    public required TimeSpan PrivilegedSessionMaxAge { get; init; }
    public required string? SettingsAfterReturnUrl { get; init; }
    /// <summary>selfservice.flows.recovery.enabled (false unless set); recovery uses the code method.</summary>
    public required bool RecoveryEnabled { get; init; }
    public required string RecoveryUiUrl { get; init; }
    public required TimeSpan RecoveryLifespan { get; init; }
    /// <summary>feature_flags.use_continue_with_transitions: JSON recovery answers 200 + continue_with instead of 422.</summary>
    public required bool UseContinueWithTransitions { get; init; }
    /// <summary>serve.public.cors.</summary>
    public required CorsConfig Cors { get; init; }

    public bool IsAtLeast(string version) => EmulatedVersion.Compare(Version, version) >= 0;

    public string ReturnUrlAfterLogin(string method) =>
        (method == "code" ? LoginAfterCodeReturnUrl : LoginAfterPasswordReturnUrl) ?? LoginAfterReturnUrl ?? DefaultBrowserReturnUrl;

    /// <summary>config.go SelfServiceFlowSettingsReturnTo: after.&lt;method&gt;, else after, else the given default.</summary>
    public string? SettingsReturnUrlAfter(string method) => MethodSettingsReturnUrls.TryGetValue(method, out var url) ? url : SettingsAfterReturnUrl;

    public required IReadOnlyDictionary<string, string> MethodSettingsReturnUrls { get; init; }

    public string PublicUrl(string pathAndQuery) => new Uri(PublicBaseUrl, pathAndQuery.TrimStart('/')).ToString();
}
