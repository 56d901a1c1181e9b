using System.CommandLine;
using System.CommandLine.Parsing;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Options;

/// <summary>
/// The options that choose what the suites run against (run, bench), each mapped to its KC_* setting in one table.
/// A command gets its own instances (System.CommandLine options belong to one command's parse).
/// </summary>
public sealed class TargetOptions
{
    private TargetOptions(IReadOnlyList<SettingOption> table) => Table = table;

    /// <summary>The option ↔ setting table: the one place an option is mapped onto <see cref="HarnessSettings"/>.</summary>
    public IReadOnlyList<SettingOption> Table { get; }

    public static TargetOptions Create(bool withPatience = true)
    {
        List<SettingOption> table =
        [
            new(KcOption.Value("--target", "<name>", "What to test: containers (default: the local double + smtp4dev in Docker), external (an existing deployment, no Docker), inprocess (the double in this process).", SettingNames.Ids<TargetKind>()), "KC_TARGET"),
            new(KcOption.Value("--kratos-image", "<image>", "containers: the Kratos image, e.g. oryd/kratos:v26.2.0 (default: the local reference double image)."), "KC_KRATOS_IMAGE"),
            new(KcOption.Value("--mail", "<sink>", "containers: the mail sink to start (default smtp4dev).", SettingNames.Ids<MailSinkKind>()), "KC_MAIL"),
            new(KcOption.Value("--mail-image", "<image>", "containers: the image of the --mail sink, e.g. axllent/mailpit:v1.21 or mailhog/mailhog (default: the pinned one)."), "KC_MAIL_IMAGE"),
            new(KcOption.Value("--mail-access", "<how>", "How codes are read from the sink (default http; imap/pop3 need smtp4dev; courier reads Kratos's admin API, needs --dev).", SettingNames.Ids<MailAccess>()), "KC_MAIL_ACCESS"),
            new(KcOption.Value("--public-url", "<url>", "external: Kratos's public URL, e.g. http://127.0.0.1:4433/."), "KC_PUBLIC_URL"),
            new(KcOption.Value("--admin-url", "<url>", "external: Kratos's admin URL, e.g. http://127.0.0.1:4434/."), "KC_ADMIN_URL"),
            new(KcOption.Value("--mail-url", "<url>", "external: imap://host:port, pop3://host:port, mailpit+http://…, mailhog+http://…, smtp4dev+http://…, courier+http://<admin url>."), "KC_MAIL_URL"),
            new(KcOption.Value("--sms-url", "<url>", "external: your SMS webhook sink's base URL; GET <url>/messages lists what Kratos's courier sent through courier.channels[sms] (docs/sms-sink.md)."), "KC_SMS_URL"),
            new(KcOption.Value("--kratos-version", "<version>", "Use this version's expectations (v1.3.1, v25.4.0, v26.2.0) instead of what /version answers."), "KC_KRATOS_VERSION"),
            new(KcOption.Value("--config", "<kratos.yml>", "Run against your own kratos.yml (the harness adds only SMTP wiring, base URLs and UI URLs, and says so)."), "KC_CONFIG", IsFile: true),
            new(KcOption.Value("--schema", "<identity.schema.json>", "Your identity schema (with --config)."), "KC_SCHEMA", IsFile: true),
            new(KcOption.Value("--emulate", "<version>", "Reference double: the Kratos version to emulate.", KillMatrix.EmulatedVersions), "KC_EMULATE"),
            new(KcOption.Value("--deviations", "<a,b>", "Reference double: switch on named misbehaviours (./kc double deviations lists them)."), "KC_DEVIATIONS"),
            new(KcOption.Value("--ui-url", "<url>", "Run the browser suite against your own login UI: its base URL or its login page (external target without it: --config's selfservice.flows.login.ui_url)."), "KC_UI_URL"),
            new(KcOption.Value("--ui-selectors", "<file>", "JSON map overriding single elements of your login UI (element name → selector); without it every element is found by Kratos's node contract (docs/ui-certification.md)."), "KC_UI_SELECTORS", IsFile: true),
            new(KcOption.Value("--browser-ws", "<ws-url>", "Connect the browser suite to a Playwright server (Playwright's launch-server/run-server or a grid speaking its protocol), e.g. ws://127.0.0.1:3000/, instead of launching Debian's Chromium here."), "KC_BROWSER_WS"),
            new(KcOption.Value("--reference-ui", "<ui>", "inprocess: the reference login UI the double redirects to: server (the harness's server-rendered UI, default) or elements (the Ory Elements SPA).", [HarnessSettings.ReferenceUiServer, HarnessSettings.ReferenceUiElements]), "KC_REFERENCE_UI"),
            new(KcOption.Flag("--reveal-secrets", "Write session tokens, cookies, CSRF tokens and passwords unmasked into reports (marked, files mode 0600)."), "KC_REVEAL_SECRETS"),
        ];
        if (withPatience)
        {
            table.Add(PatienceOption());
        }

        foreach (var row in table)
        {
            row.Option.Validators.Add(result => CheckWithHarness(row, result));
        }

        return new TargetOptions(table);
    }

    /// <summary>--patience &lt;factor&gt; → KC_PATIENCE: the one knob behind every deadline of a run.</summary>
    public static SettingOption PatienceOption() => new(
        KcOption.Value(Patience.Option, "<factor>", $"Scale every deadline of the run by this factor ({Patience.Minimum}–{Patience.Maximum}, default 1; also {Patience.Variable}). Raise it on a slow machine or against a remote deployment."),
        Patience.Variable);

    public SettingOption this[string name] => Table.Single(r => r.Name == name);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var row in Table)
        {
            command.Options.Add(row.Option);
        }

        command.Validators.Add(result => TargetRules.Check(this, result));
    }

    /// <summary>Whether the user gave any of these options (bench measures a target of its own then).</summary>
    public bool AnyGiven(ParseResult parse) => Table.Any(r => r.ValueIn(parse) is not null && r.Variable != Patience.Variable);

    /// <summary>The settings these options give, over the environment's KC_* values and the defaults.</summary>
    public HarnessSettings ToSettings(ParseResult parse, HarnessSettings defaults) => ToSettings(Table, parse, defaults);

    public static HarnessSettings ToSettings(IEnumerable<SettingOption> table, ParseResult parse, HarnessSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var given = table.Select(r => (r.Variable, Value: r.ValueIn(parse))).Where(v => v.Value is not null).ToDictionary(v => v.Variable, v => v.Value!, StringComparer.Ordinal);
        var settings = defaults;
        foreach (var variable in HarnessVariables.All.Where(v => given.ContainsKey(v.Name)))
        {
            settings = variable.Read(settings, given[variable.Name]);
        }

        return settings;
    }

    /// <summary>Each value goes through the harness's reader for its variable; its message is given in the option's name.</summary>
    private static void CheckWithHarness(SettingOption row, OptionResult result)
    {
        if (result.Tokens.Count == 0 || result.Tokens[0].Value.StartsWith("--", StringComparison.Ordinal))
        {
            return;
        }

        var value = result.Tokens[0].Value;
        if (row.IsFile && !File.Exists(value))
        {
            result.AddError($"{row.Name} '{value}': no such file ({Path.GetFullPath(value)}).");
            return;
        }

        try
        {
            HarnessVariables.All.Single(v => v.Name == row.Variable).Read(new HarnessSettings(), value);
        }
        catch (HarnessSettingsException e)
        {
            result.AddError(e.Message.Replace(row.Variable + "=", row.Name + " ", StringComparison.Ordinal).Replace(row.Variable, row.Name, StringComparison.Ordinal));
        }
    }
}
