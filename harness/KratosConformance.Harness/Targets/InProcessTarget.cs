using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Kratos.Double;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.MailSinks;
using KratosConformance.Harness.Ports;
using KratosConformance.Harness.Processes;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Ui;
using KratosConformance.SmsSink;
using System.Net;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The reference double hosted in this process, smtp4dev as a local process (or an in-memory SMTP sink of its own with
/// KC_MAIL_IN_MEMORY, or a sink given by the caller), the reference UI in-process: no Docker, the fastest loop. One double per profile, started on first use. A target kept
/// for several runs (<see cref="SharedInProcessTarget"/>) keeps its doubles and switches them per run
/// (<see cref="ReuseForAsync"/>): deviations and emulated version, store emptied, as on a fresh double.
/// </summary>
public sealed class InProcessTarget : IConformanceTarget
{
    /// <summary>The version the double emulates when KC_EMULATE is not set (the double's own default).</summary>
    private const string DefaultEmulatedVersion = "v26.2.0";

    private readonly HarnessSettings _created;
    private readonly ProfileComposer _composer;
    private readonly Smtp4devProcess? _ownSink;
    private readonly string _smtpUri;
    private readonly string _workDir;
    private readonly ConcurrentDictionary<string, Lazy<Task<RunningDouble>>> _doubles = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IAsyncDisposable> _resources = [];
    private readonly Lock _readerGate = new();
    private readonly Lazy<Task<SmsSinkServer>> _smsSink;
    private IMailboxReader? _sinkReader;
    private readonly IMailboxReader? _givenReader;
    private HarnessSettings _settings;
    private ConcurrentDictionary<string, Lazy<Task<DeploymentLookup>>> _deployments = new(StringComparer.Ordinal);

    private InProcessTarget(HarnessSettings settings, ProfileComposer composer, Smtp4devProcess? ownSink, string smtpUri, string mailDescription, IMailboxReader? givenReader = null)
    {
        _givenReader = givenReader;
        _created = settings;
        _settings = settings;
        _composer = composer;
        _ownSink = ownSink;
        _smtpUri = smtpUri;
        MailDescription = mailDescription;
        _workDir = OwnedTempDirectory.Create("kc-inprocess-");
        // One SMS sink on 127.0.0.1 for every double of the target, started when a profile with an sms channel starts.
        _smsSink = new Lazy<Task<SmsSinkServer>>(async () =>
        {
            var sink = await SmsSinkServer.StartAsync(IPAddress.Loopback, 0).ConfigureAwait(false);
            _resources.Add(sink);
            return sink;
        });
    }

    public string Name => TargetKind.InProcess.Id();

    public string KratosDescription => $"reference double {_settings.Emulate ?? DefaultEmulatedVersion} (in-process)"
        + (_settings.Deviations.Count > 0 ? $" with deviations {string.Join(",", _settings.Deviations)}" : string.Empty);

    public string MailDescription { get; }

    public static async Task<InProcessTarget> CreateAsync(HarnessSettings settings, ProfileComposer composer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.InMemoryMail)
        {
            if (settings.MailUrl is not null || settings.SmtpUri is not null || settings.MailAccess != MailAccess.Http)
            {
                throw new HarnessSettingsException(
                    "KC_MAIL_IN_MEMORY is set for the in-process target together with KC_MAIL_URL, KC_SMTP_URI or KC_MAIL_ACCESS: the in-memory sink is the"
                    + " whole mail path (the double sends to it, the tests read it in this process). Unset KC_MAIL_IN_MEMORY to use another sink.");
            }

            // The target owns this sink: it is disposed with the target's other resources.
            var memory = InMemorySmtpSink.Start();
            var target = new InProcessTarget(settings, composer, null, memory.SmtpUri, memory.Description, memory);
            target._resources.Add(memory);
            return target;
        }

        if (settings.MailUrl is not null)
        {
            var smtp = settings.SmtpUri ?? throw new HarnessSettingsException(
                "KC_MAIL_URL is set for the in-process target but KC_SMTP_URI is not: the double must know where to send mail (e.g. smtp://127.0.0.1:2525/?disable_starttls=true).");
            return new InProcessTarget(settings, composer, null, smtp, MailAccessUri.Parse(settings.MailUrl).ToString());
        }

        var sink = await Smtp4devProcess.StartAsync(settings.Patience, cancellationToken).ConfigureAwait(false);
        return new InProcessTarget(settings, composer, sink, $"smtp://{sink.Host}:{sink.SmtpPort}/?disable_starttls=true", $"smtp4dev (local process) over {settings.MailAccess.Id()}");
    }

    /// <summary>
    /// A target whose doubles send mail to <paramref name="smtpUri"/> and whose tests read it with
    /// <paramref name="reader"/> (e.g. an in-memory sink); the reader's lifetime stays with the caller.
    /// </summary>
    public static InProcessTarget WithSink(HarnessSettings settings, ProfileComposer composer, IMailboxReader reader, string smtpUri)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reader);
        return new InProcessTarget(settings with { SmtpUri = smtpUri }, composer, null, smtpUri, reader.Description, reader);
    }

    public Task<DeploymentLookup> GetDeploymentAsync(string profile, CancellationToken cancellationToken = default)
    {
        if (!_composer.AvailableProfiles.Contains(profile, StringComparer.Ordinal))
        {
            return Task.FromResult(DeploymentLookup.NotAvailable($"no profile '{profile}' in {_composer.ProfilesDirectory}"));
        }

        if (_composer.WhyNotApplicable(profile) is { } notApplicable)
        {
            return Task.FromResult(DeploymentLookup.NotAvailable(notApplicable));
        }

        return Volatile.Read(ref _deployments).GetOrAdd(profile, p => new Lazy<Task<DeploymentLookup>>(() => DeployAsync(p, cancellationToken))).Value;
    }

    /// <summary>
    /// Makes this target the one of a new run with <paramref name="settings"/>: every double started so far switches to
    /// the run's deviations and emulated version with its store emptied (identities, sessions, flows, codes, courier
    /// messages), as a restarted double would start; its version is asked again on first use. Only what a double can
    /// switch may differ from the settings the target was created with; call it between runs, never during one.
    /// </summary>
    /// <exception cref="HarnessSettingsException">The settings differ in something a running double can not switch.</exception>
    public async Task ReuseForAsync(HarnessSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var comparable = settings with { Deviations = _created.Deviations, Emulate = _created.Emulate, EvidenceRoot = _created.EvidenceRoot, RunInfoFile = _created.RunInfoFile };
        if (!ReusableWith(comparable))
        {
            throw new HarnessSettingsException(
                "A shared in-process target can be reused only for runs that differ in deviations, emulated version, evidence folder and run-info file; "
                + "this run differs in more (its config, mail, patience or version override): start a target of its own for it.");
        }

        foreach (var running in _doubles.Values)
        {
            var started = await running.Value.ConfigureAwait(false);
            started.Host.Reconfigure(settings.Deviations, settings.Emulate ?? DefaultEmulatedVersion, clearStore: true);
        }

        _settings = settings;
        Volatile.Write(ref _deployments, new ConcurrentDictionary<string, Lazy<Task<DeploymentLookup>>>(StringComparer.Ordinal));
    }

    private bool ReusableWith(HarnessSettings other) =>
        other.Target == _created.Target && other.MailAccess == _created.MailAccess && other.InMemoryMail == _created.InMemoryMail && other.Patience == _created.Patience
        && other.MailTimeout == _created.MailTimeout && other.RevealSecrets == _created.RevealSecrets
        && string.Equals(other.MailUrl, _created.MailUrl, StringComparison.Ordinal) && string.Equals(other.SmtpUri, _created.SmtpUri, StringComparison.Ordinal)
        && string.Equals(other.ConfigFile, _created.ConfigFile, StringComparison.Ordinal) && string.Equals(other.SchemaFile, _created.SchemaFile, StringComparison.Ordinal)
        && string.Equals(other.ConfigOverlay, _created.ConfigOverlay, StringComparison.Ordinal)
        && string.Equals(other.ReferenceUi, _created.ReferenceUi, StringComparison.Ordinal)
        && string.Equals(other.KratosVersionOverride, _created.KratosVersionOverride, StringComparison.Ordinal);

    /// <summary>The deployment of this run: the profile's double (started on first use), its version as it answers now.</summary>
    private async Task<DeploymentLookup> DeployAsync(string profile, CancellationToken cancellationToken)
    {
        var running = await _doubles.GetOrAdd(profile, p => new Lazy<Task<RunningDouble>>(() => StartAsync(p, cancellationToken))).Value.ConfigureAwait(false);
        var settings = _settings;
        var version = await KratosVersionProbe.ResolveAsync(running.Host.AdminBaseUrl, settings.KratosVersionOverride, settings.Patience, cancellationToken).ConfigureAwait(false);
        var deployment = new KratosDeployment(profile, new KratosEndpoints(running.Host.PublicBaseUrl, running.Host.AdminBaseUrl) { Patience = settings.Patience }, running.Composed.Facts with { Version = version }, running.Mailbox)
        {
            ReadLogAsync = running.Log.ReadSinceAsync,
            SmsSinkUrl = running.Composed.UsesSms ? (await _smsSink.Value.ConfigureAwait(false)).BaseUrl : null,
        };

        if (profile == KratosProfiles.Default)
        {
            TargetInfo.WriteIfRequested(settings.RunInfoFile, new TargetInfo
            {
                Target = Name,
                Kratos = KratosDescription,
                KratosVersion = version.ToString(),
                Mail = running.Mailbox.Description,
                ConfigHash = Hash(running.Composed.KratosYml + running.Composed.IdentitySchemaJson),
                LoginUi = settings.UiUrl is { } own ? "--ui-url " + own.AbsoluteUri : StartedUi.Describe(settings),
                ConfigChanges = running.Composed.Changes,
            });
        }

        return DeploymentLookup.Found(deployment);
    }

    private async Task<RunningDouble> StartAsync(string profile, CancellationToken cancellationToken)
    {
        var settings = _settings;
        // Both ports are the double's from the moment they are known: their base URLs go into kratos.yml and the UI
        // before the double starts, and the double takes over these very sockets.
        var publicListener = LoopbackListener.Reserve();
        var adminListener = LoopbackListener.Reserve();
        var listening = LoopbackListener.UrlOf(publicListener);
        var adminUrl = LoopbackListener.UrlOf(adminListener);

        // A WebAuthn profile's browser-facing URLs use the name localhost (WebAuthn refuses IP-address origins); the
        // double still listens on 127.0.0.1.
        var webAuthn = settings.ReferenceUi == HarnessSettings.ReferenceUiServer && _composer.EnablesWebAuthn(profile);
        var publicUrl = webAuthn ? WebAuthnHost.On(listening) : listening;
        StartedUi ui;
        try
        {
            ui = await StartedUi.StartAsync(settings, publicUrl, webAuthn ? listening : null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            publicListener.Dispose();
            adminListener.Dispose();
            throw;
        }

        _resources.Add(ui.Server);

        var schemaDir = Directory.CreateDirectory(Path.Combine(_workDir, profile)).FullName;
        var assumed = settings.KratosVersionOverride ?? settings.Emulate;
        var log = new TimestampedLog();
        var smsSink = await _smsSink.Value.ConfigureAwait(false);
        KratosDoubleHost host;
        ComposedProfile composed;
        try
        {
            (host, composed) = await InProcessDouble.StartAsync(
                _composer,
                profile,
                new HarnessWiring
                {
                    PublicBaseUrl = publicUrl,
                    AdminBaseUrl = adminUrl,
                    SmtpConnectionUri = _smtpUri,
                    LoginUiUrl = ui.LoginUrl,
                    SettingsUiUrl = ui.SettingsUrl,
                    ErrorUiUrl = ui.ErrorUrl,
                    DefaultReturnUrl = ui.HomeUrl,
                    CorsOrigin = ui.CorsOrigin,
                    SmsUrl = new Uri(smsSink.BaseUrl, SmsSinkServer.ReceivePath.TrimStart('/')),
                    Version = assumed is null ? KratosVersion.V26_2_0 : KratosVersion.Parse(assumed),
                    Dev = true,
                },
                schemaDir,
                o =>
                {
                    o.PublicListener = publicListener;
                    o.AdminListener = adminListener;
                    o.WatchCourier = true;
                    o.Emulate = settings.Emulate;
                    o.Deviations = settings.Deviations.ToList();
                    o.LogWriter = log;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Closed by the double once it took them over; before that (a config it refuses), by us. Dispose is idempotent.
            publicListener.Dispose();
            adminListener.Dispose();
            throw;
        }

        _resources.Add(host);

        var mailbox = MailboxFor(host.AdminBaseUrl);
        return new RunningDouble(host, composed, log, mailbox);
    }

    /// <summary>
    /// The reader of a profile's mail: the courier API of its own double, or the one reader of the sink that every
    /// profile shares (one notification hub or connection, and one listing serves the waits of all of them).
    /// </summary>
    private IMailboxReader MailboxFor(Uri adminUrl)
    {
        if (_givenReader is not null)
        {
            return _givenReader;
        }

        if (_ownSink is not null && _settings.MailAccess == MailAccess.Courier)
        {
            var courier = MailAccessUri.Parse("courier+" + adminUrl.AbsoluteUri).CreateReader(patience: _settings.Patience);
            _resources.Add(courier);
            return courier;
        }

        lock (_readerGate)
        {
            if (_sinkReader is null)
            {
                _sinkReader = _ownSink is null
                    ? MailAccessUri.Parse(_settings.MailUrl!).CreateReader(patience: _settings.Patience)
                    : _settings.MailAccess switch
                    {
                        MailAccess.Imap => _ownSink.CreateImapMailbox(),
                        MailAccess.Pop3 => _ownSink.CreatePop3Mailbox(),
                        _ => _ownSink.CreateHttpMailbox(),
                    };
                _resources.Add(_sinkReader);
            }

            return _sinkReader;
        }
    }

    private sealed record RunningDouble(KratosDoubleHost Host, ComposedProfile Composed, TimestampedLog Log, IMailboxReader Mailbox);

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownSink is not null)
        {
            await _ownSink.DisposeAsync().ConfigureAwait(false);
        }

        // A file still held open is left; the next run removes the folder once this process is gone (OwnedTempDirectory).
        OwnedTempDirectory.TryDelete(_workDir);
    }
}
