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
    /// <summary>Kratos runs with --dev: courier bodies are visible in the admin API, cookies are not Secure.</summary>
    public bool Dev { get; init; }
    /// <summary>selfservice.flows.login.ui_url (target of 303s), if known.</summary>
    public Uri? LoginUiUrl { get; init; }
    /// <summary>selfservice.flows.error.ui_url, if known.</summary>
    public Uri? ErrorUiUrl { get; init; }
    /// <summary>selfservice.default_browser_return_url, if known.</summary>
    public Uri? DefaultBrowserReturnUrl { get; init; }
    /// <summary>True when the facts come from the deployment's own kratos.yml, false when Kratos's defaults were assumed.</summary>
    public bool FromConfig { get; init; }
}
