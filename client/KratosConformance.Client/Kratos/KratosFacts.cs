using KratosConformance.Client.Versions;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// The facts of one deployment that expectations depend on: its version and the configuration values the spec says
/// change behaviour. Read from the effective kratos.yml where the harness has it, else Kratos's defaults (spec §5.1).
/// </summary>
public sealed record KratosFacts
{
    public required KratosVersion Version { get; init; }
    /// <summary>selfservice.methods.code.config.max_submissions (v25.4.0+; hard-coded 5 before). Spec §2.11.</summary>
    public int MaxSubmissions { get; init; } = 5;
    /// <summary>selfservice.methods.code.config.lifespan. Spec §2.12.</summary>
    public TimeSpan CodeLifespan { get; init; } = TimeSpan.FromHours(1);
    /// <summary>selfservice.flows.login.lifespan.</summary>
    public TimeSpan LoginFlowLifespan { get; init; } = TimeSpan.FromHours(1);
    /// <summary>session.whoami.required_aal: "aal1" or "highest_available" (default). Spec §4.1.</summary>
    public string WhoamiRequiredAal { get; init; } = "highest_available";
    public bool CodeMfaEnabled { get; init; } = true;
    /// <summary>
    /// courier.worker.pull_wait: how often Kratos's courier sends what it queued (1 s unless set; courier/courier.go).
    /// A check that no further mail came waits it out.
    /// </summary>
    public TimeSpan CourierPullWait { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// Kratos runs with --dev: courier bodies are visible in the admin API, cookies are not Secure. Null when not known:
    /// --dev is a flag of an external deployment's command line, which neither its URLs nor its kratos.yml show.
    /// </summary>
    public bool? Dev { get; init; }
    /// <summary>selfservice.flows.login.ui_url (target of 303s), if known.</summary>
    public Uri? LoginUiUrl { get; init; }
    /// <summary>selfservice.flows.error.ui_url, if known.</summary>
    public Uri? ErrorUiUrl { get; init; }
    /// <summary>selfservice.flows.settings.ui_url (target of a browser's settings 303s), if known.</summary>
    public Uri? SettingsUiUrl { get; init; }
    /// <summary>selfservice.flows.recovery.ui_url (target of a browser's recovery 303s), if known.</summary>
    public Uri? RecoveryUiUrl { get; init; }
    /// <summary>selfservice.methods.totp.enabled (default false; factors spec §3.1).</summary>
    public bool TotpEnabled { get; init; }
    /// <summary>selfservice.methods.lookup_secret.enabled (default false; factors spec §4.1).</summary>
    public bool LookupSecretEnabled { get; init; }
    /// <summary>
    /// selfservice.methods.webauthn: the origins a security key's answer may name (rp.origins, else rp.origin, else
    /// "&lt;public scheme&gt;://&lt;rp.id&gt;"; factors spec §5.1); empty when WebAuthn is off or the config is unknown.
    /// </summary>
    public IReadOnlyList<string> WebAuthnOrigins { get; init; } = [];
    /// <summary>selfservice.flows.settings.required_aal: aal1 or highest_available (default; factors spec §7.1).</summary>
    public string SettingsRequiredAal { get; init; } = "highest_available";
    /// <summary>selfservice.flows.settings.privileged_session_max_age (default 1h; factors spec §7.1, §7.3).</summary>
    public TimeSpan PrivilegedSessionMaxAge { get; init; } = TimeSpan.FromHours(1);
    /// <summary>selfservice.default_browser_return_url, if known.</summary>
    public Uri? DefaultBrowserReturnUrl { get; init; }
    /// <summary>
    /// Where a completed code login sends the browser without return_to: selfservice.flows.login.after.code
    /// .default_browser_return_url, else …login.after.default_browser_return_url, else the default (spec §2.14 step 5).
    /// </summary>
    public Uri? CodeLoginReturnUrl { get; init; }
    /// <summary>selfservice.allowed_return_urls (spec §2.3): where return_to may point.</summary>
    public IReadOnlyList<Uri> AllowedReturnUrls { get; init; } = [];
    /// <summary>session.lifespan (default 24h): expires_at = authenticated_at + lifespan (docs/kratos-facts.md).</summary>
    public TimeSpan SessionLifespan { get; init; } = TimeSpan.FromHours(24);
    /// <summary>session.cookie.name (default ory_kratos_session, spec §3).</summary>
    public string SessionCookieName { get; init; } = "ory_kratos_session";
    /// <summary>session.cookie.path, else cookies.path (default /).</summary>
    public string SessionCookiePath { get; init; } = "/";
    /// <summary>session.cookie.same_site, else cookies.same_site (default Lax).</summary>
    public string SessionCookieSameSite { get; init; } = "Lax";
    /// <summary>session.cookie.secure, else not in --dev (config.go SessionCookieSecure).</summary>
    public bool? SessionCookieSecureSetting { get; init; }
    /// <summary>session.cookie.persistent (default true): the cookie carries Max-Age.</summary>
    public bool SessionCookiePersistent { get; init; } = true;
    /// <summary>cookies.path (default /): the CSRF cookie's path.</summary>
    public string CookiePath { get; init; } = "/";
    /// <summary>cookies.same_site (default Lax); the CSRF cookie is forced to Lax when not Secure.</summary>
    public string CookieSameSite { get; init; } = "Lax";
    /// <summary>cookies.secure, else not in --dev (config.go CookieSecure).</summary>
    public bool? CookieSecureSetting { get; init; }

    /// <summary>courier.smtp.from_address (default no-reply@ory.kratos.sh, spec §5.1): the From of every mail.</summary>
    public string CourierFromAddress { get; init; } = "no-reply@ory.kratos.sh";

    /// <summary>courier.smtp.from_name (spec §5.5): the display name of every mail's From; null when unset.</summary>
    public string? CourierFromName { get; init; }

    /// <summary>Whether the session cookie is Secure: session.cookie.secure, else not in --dev; null when neither is known.</summary>
    public bool? SessionCookieSecure => SessionCookieSecureSetting ?? !Dev;

    /// <summary>Whether the CSRF cookie is Secure: cookies.secure, else not in --dev; null when neither is known.</summary>
    public bool? CookieSecure => CookieSecureSetting ?? !Dev;

    /// <summary>
    /// The identity schema's traits that name the password form's identifier input (<see cref="Kratos.IdentifierTraits"/>);
    /// null when the schema is not known (an external deployment: its schema is Kratos's, not the harness's).
    /// </summary>
    public IReadOnlyList<IdentifierTrait>? IdentifierTraits { get; init; }

    /// <summary>True when the facts come from the deployment's own kratos.yml, false when Kratos's defaults were assumed.</summary>
    public bool FromConfig { get; init; }
}
