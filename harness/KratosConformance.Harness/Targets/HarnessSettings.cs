using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Everything a run is configured with: the one typed contract between the kc CLI and the suites. The CLI builds it
/// from its options and hands it to the test process as KC_* environment variables (<see cref="HarnessVariables"/>,
/// the one name ↔ property table), so `./kc run` and a plain `dotnet test` configure the suites the same way.
/// </summary>
public sealed record HarnessSettings
{
    /// <summary>KC_TARGET. A plain dotnet test runs in-process: no Docker needed for the project's own tests.</summary>
    public TargetKind Target { get; init; } = TargetKind.InProcess;

    /// <summary>KC_KRATOS_IMAGE: any Kratos image; default is the local double's image (built by ./kc images).</summary>
    public string? KratosImage { get; init; }

    /// <summary>KC_MAIL: the sink the containers target starts.</summary>
    public MailSinkKind Mail { get; init; } = MailSinkKind.Smtp4dev;

    /// <summary>KC_MAIL_IMAGE: the image of the sink <see cref="Mail"/> names, e.g. axllent/mailpit:v1.21 (default: the pinned one).</summary>
    public string? MailImage { get; init; }

    /// <summary>KC_MAIL_ACCESS: how codes are read from a sink the harness starts.</summary>
    public MailAccess MailAccess { get; init; } = MailAccess.Http;

    /// <summary>KC_PUBLIC_URL / KC_ADMIN_URL: the external deployment (trailing slash).</summary>
    public Uri? PublicUrl { get; init; }

    public Uri? AdminUrl { get; init; }

    /// <summary>KC_MAIL_URL: imap://, pop3://, mailpit+http://, mailhog+http://, smtp4dev+http://, courier+http://.</summary>
    public string? MailUrl { get; init; }

    /// <summary>
    /// KC_SMTP_URI: where a Kratos the harness starts sends mail (courier.smtp.connection_uri as Kratos reads it), when
    /// the sink is not started by the target itself, e.g. one smtp4dev shared by the runs of a kill matrix.
    /// </summary>
    public string? SmtpUri { get; init; }

    /// <summary>
    /// KC_MAIL_IN_MEMORY: the in-process target sends mail to an in-memory SMTP sink of its own (<see
    /// cref="MailSinks.InMemorySmtpSink"/>) instead of starting smtp4dev: a fresh, empty mailbox for each run that costs
    /// nothing to start. The mutation runs use it: thousands of test runs, each with only its own mail to read.
    /// </summary>
    public bool InMemoryMail { get; init; }

    /// <summary>KC_KRATOS_VERSION: use this version's expectations instead of what /version answers.</summary>
    public string? KratosVersionOverride { get; init; }

    /// <summary>KC_CONFIG / KC_SCHEMA: the team's own kratos.yml and identity schema instead of fixtures/profiles/base.</summary>
    public string? ConfigFile { get; init; }

    public string? SchemaFile { get; init; }

    /// <summary>KC_CONFIG_OVERLAY: a YAML overlay applied on top of every profile, e.g. fixtures/profiles/storage/sqlite-file.yml.</summary>
    public string? ConfigOverlay { get; init; }

    /// <summary>KC_REVEAL_SECRETS: write tokens, cookies and passwords unmasked into evidence.</summary>
    public bool RevealSecrets { get; init; }

    /// <summary>KC_EVIDENCE_DIR: where evidence/&lt;test-id&gt;/ folders go.</summary>
    public string EvidenceRoot { get; init; } = DefaultEvidenceRoot();

    /// <summary>KC_DEVIATIONS: misbehaviours switched on in the reference double (comma separated).</summary>
    public IReadOnlyList<string> Deviations { get; init; } = [];

    /// <summary>KC_EMULATE: the Kratos version the reference double emulates.</summary>
    public string? Emulate { get; init; }

    /// <summary>
    /// KC_PATIENCE: the factor every deadline of the run is scaled by (<see cref="Client.Waiting.Patience"/>); raise it
    /// on a slow machine or against a remote deployment instead of changing any single timeout.
    /// </summary>
    public Patience Patience { get; init; } = Patience.Default;

    /// <summary>
    /// KC_MAIL_TIMEOUT (seconds): the baseline of the login-code mail deadline, before <see cref="Patience"/>. Real
    /// Kratos's courier polls its queue every second (courier.worker.pull_wait), so the default leaves room; runs
    /// against the in-process double, which sends at once, may shorten it.
    /// </summary>
    public TimeSpan MailTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>KC_UI_URL / KC_UI_SELECTORS: run the browser suite against a team's own login UI.</summary>
    public Uri? UiUrl { get; init; }

    /// <summary>KC_SMS_URL: the SMS sink that lists what an external deployment's courier sent through its sms channel.</summary>
    public Uri? SmsUrl { get; init; }

    public string? UiSelectorsFile { get; init; }

    /// <summary>
    /// KC_BROWSER_WS: a Playwright browser server (ws://…, Playwright's own launch-server or run-server, or a grid that
    /// speaks its protocol) the browser suite connects to instead of launching Debian's Chromium on this machine, so
    /// the browsers of many runners can live elsewhere.
    /// </summary>
    public Uri? BrowserWs { get; init; }

    /// <summary>
    /// KC_REFERENCE_UI: which of the harness's reference login UIs an in-process double redirects to: "server" (the
    /// server-rendered <see cref="Ui.ReferenceUi"/>, default) or "elements" (the Ory Elements SPA, <see cref="Ui.ElementsUi"/>).
    /// </summary>
    public string ReferenceUi { get; init; } = ReferenceUiServer;

    public const string ReferenceUiServer = "server";
    public const string ReferenceUiElements = "elements";

    /// <summary>KC_RUN_INFO_FILE: where the target writes what it really ran (<see cref="TargetInfo"/>) for the report.</summary>
    public string? RunInfoFile { get; init; }

    /// <summary>The login-code mail deadline of this run: <see cref="MailTimeout"/> scaled by <see cref="Patience"/>.</summary>
    public Deadline MailDeadline => Patience.For("login-code mail", MailTimeout);

    public static HarnessSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Reads every variable of <see cref="HarnessVariables.All"/>; an unusable value names itself and the fix.</summary>
    public static HarnessSettings FromVariables(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var settings = new HarnessSettings();
        foreach (var variable in HarnessVariables.All)
        {
            if (get(variable.Name) is { } raw && !string.IsNullOrWhiteSpace(raw))
            {
                settings = variable.Read(settings, raw.Trim());
            }
        }

        return settings;
    }

    /// <summary>The KC_* variables that reproduce these settings in another process (unset ones are absent).</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in HarnessVariables.All)
        {
            if (variable.Write(this) is { } value)
            {
                vars[variable.Name] = value;
            }
        }

        return vars;
    }

    private static string DefaultEvidenceRoot() =>
        RepositoryLayout.Root is not null || RepositoryLayout.IsPackaged
            ? Path.Combine(RepositoryLayout.StateDirectory, "evidence", "adhoc")
            : Path.Combine(Path.GetTempPath(), "kratos-conformance-evidence");
}
