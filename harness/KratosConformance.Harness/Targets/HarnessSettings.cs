using KratosConformance.Harness.Paths;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Everything a run is configured with. The kc CLI validates its options and hands them to the test process as KC_*
/// environment variables, so `./kc run` and a plain `dotnet test` configure the suites the same way.
/// </summary>
public sealed record HarnessSettings
{
    public const string TargetContainers = "containers";
    public const string TargetExternal = "external";
    public const string TargetInProcess = "inprocess";

    public static IReadOnlyList<string> Targets { get; } = [TargetContainers, TargetExternal, TargetInProcess];
    public static IReadOnlyList<string> MailSinks { get; } = ["smtp4dev", "mailpit", "mailhog"];
    public static IReadOnlyList<string> MailAccesses { get; } = ["http", "imap", "pop3", "courier"];

    /// <summary>KC_TARGET. A plain dotnet test runs in-process: no Docker needed for the project's own tests.</summary>
    public string Target { get; init; } = TargetInProcess;

    /// <summary>KC_KRATOS_IMAGE: any Kratos image; default is the local double's image (built by ./kc images).</summary>
    public string? KratosImage { get; init; }

    /// <summary>KC_MAIL: the sink the containers target starts.</summary>
    public string Mail { get; init; } = "smtp4dev";

    /// <summary>KC_MAIL_ACCESS: how codes are read from the sink.</summary>
    public string MailAccess { get; init; } = "http";

    /// <summary>KC_PUBLIC_URL / KC_ADMIN_URL: the external deployment.</summary>
    public Uri? PublicUrl { get; init; }
    public Uri? AdminUrl { get; init; }

    /// <summary>KC_MAIL_URL: imap://, pop3://, mailpit+http://, mailhog+http://, smtp4dev+http://, courier+http://.</summary>
    public string? MailUrl { get; init; }

    /// <summary>
    /// KC_SMTP_URI: where a Kratos the harness starts sends mail (courier.smtp.connection_uri as Kratos reads it), when
    /// the sink is not started by the target itself, e.g. one smtp4dev shared by the runs of a kill matrix.
    /// </summary>
    public string? SmtpUri { get; init; }

    /// <summary>KC_KRATOS_VERSION: use these version's expectations instead of what /version answers.</summary>
    public string? KratosVersionOverride { get; init; }

    /// <summary>KC_CONFIG / KC_SCHEMA: the team's own kratos.yml and identity schema instead of fixtures/profiles/base.</summary>
    public string? ConfigFile { get; init; }
    public string? SchemaFile { get; init; }

    /// <summary>KC_REVEAL_SECRETS: write tokens, cookies and passwords unmasked into evidence.</summary>
    public bool RevealSecrets { get; init; }

    /// <summary>KC_EVIDENCE_DIR: where evidence/&lt;test-id&gt;/ folders go.</summary>
    public string EvidenceRoot { get; init; } = DefaultEvidenceRoot();

    /// <summary>KC_DEVIATIONS: misbehaviours switched on in the reference double (comma separated).</summary>
    public IReadOnlyList<string> Deviations { get; init; } = [];

    /// <summary>KC_EMULATE: the Kratos version the reference double emulates.</summary>
    public string? Emulate { get; init; }

    /// <summary>
    /// KC_MAIL_TIMEOUT (seconds): how long a test waits for a code mail. Real Kratos's courier polls its queue every
    /// second (courier.worker.pull_wait), so the default leaves room; the kill matrix, whose double sends at once,
    /// shortens it because a deviation that sends no mail makes every test wait the whole deadline.
    /// </summary>
    public TimeSpan MailTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>KC_UI_URL / KC_UI_SELECTORS: run the browser suite against a team's own login UI.</summary>
    public Uri? UiUrl { get; init; }
    public string? UiSelectorsFile { get; init; }

    public static HarnessSettings FromEnvironment() => FromVariables(name => Environment.GetEnvironmentVariable(name));

    public static HarnessSettings FromVariables(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        string? Get(string name) => string.IsNullOrWhiteSpace(get(name)) ? null : get(name)!.Trim();
        var defaults = new HarnessSettings();

        return new HarnessSettings
        {
            Target = OneOf("KC_TARGET", Get("KC_TARGET"), Targets) ?? defaults.Target,
            KratosImage = Get("KC_KRATOS_IMAGE"),
            Mail = OneOf("KC_MAIL", Get("KC_MAIL"), MailSinks) ?? defaults.Mail,
            MailAccess = OneOf("KC_MAIL_ACCESS", Get("KC_MAIL_ACCESS"), MailAccesses) ?? defaults.MailAccess,
            PublicUrl = HttpUrl("KC_PUBLIC_URL", Get("KC_PUBLIC_URL")),
            AdminUrl = HttpUrl("KC_ADMIN_URL", Get("KC_ADMIN_URL")),
            MailUrl = Get("KC_MAIL_URL"),
            SmtpUri = Get("KC_SMTP_URI"),
            KratosVersionOverride = Get("KC_KRATOS_VERSION"),
            ConfigFile = Get("KC_CONFIG"),
            SchemaFile = Get("KC_SCHEMA"),
            RevealSecrets = Get("KC_REVEAL_SECRETS") is "1" or "true",
            EvidenceRoot = Get("KC_EVIDENCE_DIR") ?? defaults.EvidenceRoot,
            Deviations = (Get("KC_DEVIATIONS") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Emulate = Get("KC_EMULATE"),
            MailTimeout = Seconds("KC_MAIL_TIMEOUT", Get("KC_MAIL_TIMEOUT")) ?? defaults.MailTimeout,
            UiUrl = HttpUrl("KC_UI_URL", Get("KC_UI_URL")),
            UiSelectorsFile = Get("KC_UI_SELECTORS"),
        };
    }

    /// <summary>The KC_* variables that reproduce these settings in another process.</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var vars = new Dictionary<string, string>
        {
            ["KC_TARGET"] = Target,
            ["KC_MAIL"] = Mail,
            ["KC_MAIL_ACCESS"] = MailAccess,
            ["KC_EVIDENCE_DIR"] = EvidenceRoot,
            ["KC_REVEAL_SECRETS"] = RevealSecrets ? "true" : "false",
            ["KC_DEVIATIONS"] = string.Join(',', Deviations),
        };
        void Put(string name, object? value)
        {
            if (value is not null)
            {
                vars[name] = value.ToString()!;
            }
        }

        Put("KC_KRATOS_IMAGE", KratosImage);
        Put("KC_PUBLIC_URL", PublicUrl);
        Put("KC_ADMIN_URL", AdminUrl);
        Put("KC_MAIL_URL", MailUrl);
        Put("KC_SMTP_URI", SmtpUri);
        Put("KC_KRATOS_VERSION", KratosVersionOverride);
        Put("KC_CONFIG", ConfigFile);
        Put("KC_SCHEMA", SchemaFile);
        Put("KC_EMULATE", Emulate);
        Put("KC_MAIL_TIMEOUT", MailTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put("KC_UI_URL", UiUrl);
        Put("KC_UI_SELECTORS", UiSelectorsFile);
        return vars;
    }

    private static string? OneOf(string name, string? value, IReadOnlyList<string> valid)
    {
        if (value is null)
        {
            return null;
        }

        var match = valid.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new HarnessSettingsException($"{name}='{value}' is not valid: use one of {string.Join(", ", valid)}.");
    }

    private static TimeSpan? Seconds(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 600
            ? TimeSpan.FromSeconds(s)
            : throw new HarnessSettingsException($"{name}='{value}' is not valid: give seconds from 0.1 to 600, e.g. 10.");
    }

    private static Uri? HttpUrl(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HarnessSettingsException($"{name}='{value}' is not an http(s) URL: give e.g. http://127.0.0.1:4433/.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string DefaultEvidenceRoot() =>
        RepositoryLayout.Root is { } root
            ? Path.Combine(root, ".kc", "evidence", "adhoc")
            : Path.Combine(Path.GetTempPath(), "kratos-conformance-evidence");
}
