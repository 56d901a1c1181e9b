using System.Globalization;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The one name ↔ property table of <see cref="HarnessSettings"/>. The CLI writes a run's settings through it, the
/// suites read them through it, and a run clears every name in it first, so a setting can not be forgotten on one side.
/// </summary>
public static class HarnessVariables
{
    public static IReadOnlyList<SettingVariable> All { get; } =
    [
        new("KC_TARGET", "what to test: " + string.Join(" | ", SettingNames.Ids<TargetKind>()), s => s.Target.Id(), (s, v) => s with { Target = Enum<TargetKind>("KC_TARGET", v) }),
        new("KC_KRATOS_IMAGE", "containers: the Kratos image", s => s.KratosImage, (s, v) => s with { KratosImage = v }),
        new("KC_MAIL", "containers: the mail sink to start: " + string.Join(" | ", SettingNames.Ids<MailSinkKind>()), s => s.Mail.Id(), (s, v) => s with { Mail = Enum<MailSinkKind>("KC_MAIL", v) }),
        new("KC_MAIL_IMAGE", "containers: the mail sink's image (default: the pinned image of KC_MAIL)", s => s.MailImage, (s, v) => s with { MailImage = v }),
        new("KC_MAIL_ACCESS", "how codes are read from a started sink: " + string.Join(" | ", SettingNames.Ids<MailAccess>()), s => s.MailAccess.Id(), (s, v) => s with { MailAccess = Enum<MailAccess>("KC_MAIL_ACCESS", v) }),
        new("KC_PUBLIC_URL", "external: Kratos's public URL", s => s.PublicUrl?.AbsoluteUri, (s, v) => s with { PublicUrl = HttpUrl("KC_PUBLIC_URL", v) }),
        new("KC_ADMIN_URL", "external: Kratos's admin URL", s => s.AdminUrl?.AbsoluteUri, (s, v) => s with { AdminUrl = HttpUrl("KC_ADMIN_URL", v) }),
        new("KC_MAIL_URL", "where and how to read mail (external; in-process with a shared sink)", s => s.MailUrl, (s, v) => s with { MailUrl = v }),
        new("KC_SMTP_URI", "where a Kratos the harness starts sends mail, when the sink is not its own", s => s.SmtpUri, (s, v) => s with { SmtpUri = v }),
        new("KC_MAIL_IN_MEMORY", "in-process: send mail to an in-memory SMTP sink of the run's own instead of smtp4dev: true | false", s => s.InMemoryMail ? "true" : null, (s, v) => s with { InMemoryMail = Bool("KC_MAIL_IN_MEMORY", v) }),
        new("KC_KRATOS_VERSION", "use this version's expectations instead of /version's answer", s => s.KratosVersionOverride, (s, v) => s with { KratosVersionOverride = v }),
        new("KC_CONFIG", "the team's kratos.yml", s => s.ConfigFile, (s, v) => s with { ConfigFile = v }),
        new("KC_SCHEMA", "the team's identity schema", s => s.SchemaFile, (s, v) => s with { SchemaFile = v }),
        new("KC_CONFIG_OVERLAY", "a YAML overlay applied on top of every profile", s => s.ConfigOverlay, (s, v) => s with { ConfigOverlay = v }),
        new("KC_REVEAL_SECRETS", "write secrets unmasked into evidence: true | false", s => s.RevealSecrets ? "true" : "false", (s, v) => s with { RevealSecrets = Bool("KC_REVEAL_SECRETS", v) }),
        new("KC_EVIDENCE_DIR", "where evidence/<test-id>/ folders go", s => s.EvidenceRoot, (s, v) => s with { EvidenceRoot = v }),
        new("KC_DEVIATIONS", "reference double: misbehaviours to switch on (comma separated)", s => s.Deviations.Count == 0 ? null : string.Join(',', s.Deviations), (s, v) => s with { Deviations = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }),
        new("KC_EMULATE", "reference double: the Kratos version to emulate", s => s.Emulate, (s, v) => s with { Emulate = v }),
        new(Patience.Variable, $"the factor every deadline is scaled by ({Patience.Minimum}–{Patience.Maximum}, default 1)", s => s.Patience.ToString(), (s, v) => s with { Patience = PatienceOf(v) }),
        new("KC_MAIL_TIMEOUT", "baseline of the login-code mail deadline in seconds, before patience", s => s.MailTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture), (s, v) => s with { MailTimeout = Seconds("KC_MAIL_TIMEOUT", v) }),
        new("KC_UI_URL", "the team's login UI for the browser suite", s => s.UiUrl?.AbsoluteUri, (s, v) => s with { UiUrl = HttpUrl("KC_UI_URL", v, asBase: false) }),
        new("KC_SMS_URL", "external: the team's SMS webhook sink, listing what Kratos's courier sent (docs/sms-sink.md)", s => s.SmsUrl?.AbsoluteUri, (s, v) => s with { SmsUrl = HttpUrl("KC_SMS_URL", v) }),
        new("KC_UI_SELECTORS", "selector map for the team's login UI", s => s.UiSelectorsFile, (s, v) => s with { UiSelectorsFile = v }),
        new("KC_BROWSER_WS", "the browser suite: a Playwright server (ws://…) to connect to instead of launching Debian's Chromium", s => s.BrowserWs?.AbsoluteUri, (s, v) => s with { BrowserWs = WsUrl("KC_BROWSER_WS", v) }),
        new("KC_REFERENCE_UI", "in-process: the reference login UI, server (default) or elements (the Ory Elements SPA)", s => s.ReferenceUi == HarnessSettings.ReferenceUiServer ? null : s.ReferenceUi, (s, v) => s with { ReferenceUi = ReferenceUi(v) }),
        new("KC_RUN_INFO_FILE", "where the target writes what it really ran, for the report", s => s.RunInfoFile, (s, v) => s with { RunInfoFile = v }),
    ];

    /// <summary>Every name of the table.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(v => v.Name).ToList();

    private static T Enum<T>(string name, string value)
        where T : struct, System.Enum =>
        SettingNames.Parse<T>(value) ?? throw new HarnessSettingsException($"{name}='{value}' is not valid: use one of {string.Join(", ", SettingNames.Ids<T>())}.");

    private static string ReferenceUi(string value) =>
        value is HarnessSettings.ReferenceUiServer or HarnessSettings.ReferenceUiElements
            ? value
            : throw new HarnessSettingsException($"KC_REFERENCE_UI='{value}' is not valid: use {HarnessSettings.ReferenceUiServer} or {HarnessSettings.ReferenceUiElements}.");

    private static bool Bool(string name, string value) => value.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        _ => throw new HarnessSettingsException($"{name}='{value}' is not valid: use true or false."),
    };

    private static Patience PatienceOf(string value) =>
        Patience.TryParse(value) ?? throw new HarnessSettingsException(
            $"{Patience.Variable}='{value}' is not valid: give a factor from {Patience.Minimum} to {Patience.Maximum} (1 = the default deadlines, 2 = twice as long).");

    private static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 600
            ? TimeSpan.FromSeconds(s)
            : throw new HarnessSettingsException($"{name}='{value}' is not valid: give seconds from 0.1 to 600, e.g. 10.");

    /// <summary>A ws(s) URL: the endpoint a Playwright server printed when it started.</summary>
    private static Uri WsUrl(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeWs || uri.Scheme == Uri.UriSchemeWss)
            ? uri
            : throw new HarnessSettingsException($"{name}='{value}' is not a ws(s) URL: give the endpoint your Playwright server printed, e.g. ws://127.0.0.1:3000/ (npx playwright run-server --port 3000 --host 127.0.0.1).");

    /// <summary>An http(s) URL; a base URL (<paramref name="asBase"/>) gets the trailing slash relative paths need.</summary>
    private static Uri HttpUrl(string name, string value, bool asBase = true)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HarnessSettingsException($"{name}='{value}' is not an http(s) URL: give e.g. http://127.0.0.1:4433/.");
        }

        return !asBase || uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
