using KratosConformance.Cli.Options;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Commands;

/// <summary>The options that choose what the suites run against; shared by run and bench.</summary>
public static class TargetOptions
{
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("target", "<name>", "What to test: containers (default: the local double + smtp4dev in Docker), external (an existing deployment, no Docker), inprocess (the double in this process).", SettingNames.Ids<TargetKind>()),
        new("kratos-image", "<image>", "containers: the Kratos image, e.g. oryd/kratos:v26.2.0 (default: the local reference double image)."),
        new("mail", "<sink>", "containers: the mail sink to start (default smtp4dev).", SettingNames.Ids<MailSinkKind>()),
        new("mail-access", "<how>", "How to read codes from the sink (default http; imap/pop3 need smtp4dev; courier reads Kratos's admin API, needs --dev).", SettingNames.Ids<MailAccess>()),
        new("public-url", "<url>", "external: Kratos's public URL, e.g. http://127.0.0.1:4433/."),
        new("admin-url", "<url>", "external: Kratos's admin URL, e.g. http://127.0.0.1:4434/."),
        new("mail-url", "<url>", "external: imap://host:port, pop3://host:port, mailpit+http://…, mailhog+http://…, smtp4dev+http://…, courier+http://<admin url>."),
        new("kratos-version", "<version>", "Use this version's expectations (v1.3.1, v25.4.0, v26.2.0) instead of what /version answers."),
        new("config", "<kratos.yml>", "Run against your own kratos.yml (the harness adds only SMTP wiring, base URLs and UI URLs, and says so)."),
        new("schema", "<identity.schema.json>", "Your identity schema (with --config)."),
        new("emulate", "<version>", "Reference double: the Kratos version to emulate.", ["v26.2.0", "v25.4.0", "v1.3.1"]),
        new("deviations", "<a,b>", "Reference double: switch on named misbehaviours (./kc double deviations lists them)."),
        new("ui-url", "<url>", "Run the browser suite against your own login UI."),
        new("ui-selectors", "<file>", "JSON map of logical element names to CSS selectors for --ui-url."),
        new("reveal-secrets", null, "Write session tokens, cookies, CSRF tokens and passwords unmasked into reports."),
    ];

    /// <summary>Builds harness settings from the options; combinations that can not work are refused here, at once.</summary>
    public static HarnessSettings ToSettings(ParsedOptions o, string evidenceRoot)
    {
        var target = o.Get("target") ?? TargetKind.Containers.Id();
        var settings = HarnessSettings.FromVariables(name => name switch
        {
            "KC_TARGET" => target,
            "KC_KRATOS_IMAGE" => o.Get("kratos-image"),
            "KC_MAIL" => o.Get("mail"),
            "KC_MAIL_ACCESS" => o.Get("mail-access"),
            "KC_PUBLIC_URL" => o.Get("public-url"),
            "KC_ADMIN_URL" => o.Get("admin-url"),
            "KC_MAIL_URL" => o.Get("mail-url"),
            "KC_KRATOS_VERSION" => o.Get("kratos-version"),
            "KC_CONFIG" => FullPathOf(o, "config"),
            "KC_SCHEMA" => FullPathOf(o, "schema"),
            "KC_REVEAL_SECRETS" => o.Has("reveal-secrets") ? "true" : null,
            "KC_EVIDENCE_DIR" => evidenceRoot,
            "KC_DEVIATIONS" => o.Get("deviations"),
            "KC_EMULATE" => o.Get("emulate"),
            "KC_UI_URL" => o.Get("ui-url"),
            "KC_UI_SELECTORS" => FullPathOf(o, "ui-selectors"),
            _ => null,
        });

        if (o.Get("kratos-version") is { } v && !KratosConformance.Client.Versions.KratosVersion.TryParse(v, out _))
        {
            throw new CliException($"--kratos-version '{v}' is not a version: give e.g. v26.2.0, v25.4.0 or v1.3.1.");
        }

        if (settings.Target == TargetKind.External)
        {
            var missing = new[] { "public-url", "admin-url", "mail-url" }.Where(n => !o.Has(n)).ToList();
            if (missing.Count > 0)
            {
                throw new CliException($"--target external needs {string.Join(", ", missing.Select(m => "--" + m))}: the harness does not start anything, so it must be told where Kratos and its mail are. Example: ./kc run --target external --public-url http://127.0.0.1:4433/ --admin-url http://127.0.0.1:4434/ --mail-url smtp4dev+http://127.0.0.1:5000");
            }

            foreach (var name in new[] { "kratos-image", "mail", "emulate", "deviations" }.Where(o.Has))
            {
                throw new CliException($"--{name} does not apply to --target external (the harness starts nothing there). Remove it, or use --target containers.");
            }
        }
        else
        {
            foreach (var name in new[] { "public-url", "admin-url" }.Where(o.Has))
            {
                throw new CliException($"--{name} only applies to --target external; --target {settings.Target.Id()} starts its own Kratos.");
            }
        }

        if (o.Has("schema") && !o.Has("config"))
        {
            throw new CliException("--schema needs --config: give your kratos.yml too (its identity.schemas must name the schema).");
        }

        if (settings.Mail != MailSinkKind.Smtp4dev && settings.MailAccess is MailAccess.Imap or MailAccess.Pop3)
        {
            throw new CliException($"--mail-access {settings.MailAccess} needs --mail smtp4dev: {settings.Mail.Id()} has no {settings.MailAccess.Id().ToUpperInvariant()} server.");
        }

        return settings;
    }

    private static string? FullPathOf(ParsedOptions o, string name)
    {
        var value = o.Get(name);
        if (value is null)
        {
            return null;
        }

        var full = Path.GetFullPath(value);
        return File.Exists(full) ? full : throw new CliException($"--{name} '{value}': no such file ({full}).");
    }
}
