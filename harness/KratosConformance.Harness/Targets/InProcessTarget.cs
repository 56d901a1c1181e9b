using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Kratos.Double;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Ports;
using KratosConformance.Harness.Processes;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Ui;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The reference double hosted in this process, smtp4dev as a local process (or a sink given by the caller), the
/// reference UI in-process: no Docker, the fastest loop. One double per profile, started on first use.
/// </summary>
public sealed class InProcessTarget : IConformanceTarget
{
    private readonly HarnessSettings _settings;
    private readonly ProfileComposer _composer;
    private readonly Smtp4devProcess? _ownSink;
    private readonly string _smtpUri;
    private readonly string _workDir;
    private readonly ConcurrentDictionary<string, Lazy<Task<DeploymentLookup>>> _deployments = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IAsyncDisposable> _resources = [];

    private InProcessTarget(HarnessSettings settings, ProfileComposer composer, Smtp4devProcess? ownSink, string smtpUri, string mailDescription)
    {
        _settings = settings;
        _composer = composer;
        _ownSink = ownSink;
        _smtpUri = smtpUri;
        MailDescription = mailDescription;
        _workDir = OwnedTempDirectory.Create("kc-inprocess-");
    }

    public string Name => TargetKind.InProcess.Id();

    public string KratosDescription => $"reference double {_settings.Emulate ?? "v26.2.0"} (in-process)"
        + (_settings.Deviations.Count > 0 ? $" with deviations {string.Join(",", _settings.Deviations)}" : string.Empty);

    public string MailDescription { get; }

    public static async Task<InProcessTarget> CreateAsync(HarnessSettings settings, ProfileComposer composer, CancellationToken cancellationToken)
    {
        if (settings.MailUrl is not null)
        {
            var smtp = settings.SmtpUri ?? throw new HarnessSettingsException(
                "KC_MAIL_URL is set for the in-process target but KC_SMTP_URI is not: the double must know where to send mail (e.g. smtp://127.0.0.1:2525/?disable_starttls=true).");
            return new InProcessTarget(settings, composer, null, smtp, MailAccessUri.Parse(settings.MailUrl).ToString());
        }

        var sink = await Smtp4devProcess.StartAsync(settings.Patience, cancellationToken).ConfigureAwait(false);
        return new InProcessTarget(settings, composer, sink, $"smtp://{sink.Host}:{sink.SmtpPort}/?disable_starttls=true", $"smtp4dev (local process) over {settings.MailAccess.Id()}");
    }

    public Task<DeploymentLookup> GetDeploymentAsync(string profile, CancellationToken cancellationToken = default)
    {
        if (!_composer.AvailableProfiles.Contains(profile, StringComparer.Ordinal))
        {
            return Task.FromResult(DeploymentLookup.NotAvailable($"no profile '{profile}' in {_composer.ProfilesDirectory}"));
        }

        return _deployments.GetOrAdd(profile, p => new Lazy<Task<DeploymentLookup>>(() => StartAsync(p, cancellationToken))).Value;
    }

    private async Task<DeploymentLookup> StartAsync(string profile, CancellationToken cancellationToken)
    {
        // Both ports are the double's from the moment they are known: their base URLs go into kratos.yml and the UI
        // before the double starts, and the double takes over these very sockets.
        var publicListener = LoopbackListener.Reserve();
        var adminListener = LoopbackListener.Reserve();
        var publicUrl = LoopbackListener.UrlOf(publicListener);
        var adminUrl = LoopbackListener.UrlOf(adminListener);
        ReferenceUi ui;
        try
        {
            ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = publicUrl, Patience = _settings.Patience }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            publicListener.Dispose();
            adminListener.Dispose();
            throw;
        }

        _resources.Add(ui);

        var schemaDir = Directory.CreateDirectory(Path.Combine(_workDir, profile)).FullName;
        var assumed = _settings.KratosVersionOverride ?? _settings.Emulate;
        var log = new TimestampedLog();
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
                    ErrorUiUrl = ui.ErrorUrl,
                    DefaultReturnUrl = ui.HomeUrl,
                    Version = assumed is null ? KratosVersion.V26_2_0 : KratosVersion.Parse(assumed),
                    Dev = true,
                },
                schemaDir,
                o =>
                {
                    o.PublicListener = publicListener;
                    o.AdminListener = adminListener;
                    o.WatchCourier = true;
                    o.Emulate = _settings.Emulate;
                    o.Deviations = _settings.Deviations.ToList();
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

        var version = await KratosVersionProbe.ResolveAsync(host.AdminBaseUrl, _settings.KratosVersionOverride, _settings.Patience, cancellationToken).ConfigureAwait(false);
        var mailbox = CreateMailbox(host.AdminBaseUrl);
        _resources.Add(mailbox);
        var deployment = new KratosDeployment(profile, new KratosEndpoints(host.PublicBaseUrl, host.AdminBaseUrl) { Patience = _settings.Patience }, composed.Facts with { Version = version }, mailbox)
        {
            ReadLogAsync = log.ReadSinceAsync,
        };

        if (profile == KratosProfiles.Default)
        {
            TargetInfo.WriteIfRequested(_settings.RunInfoFile, new TargetInfo
            {
                Target = Name,
                Kratos = KratosDescription,
                KratosVersion = version.ToString(),
                Mail = mailbox.Description,
                ConfigHash = Hash(composed.KratosYml + composed.IdentitySchemaJson),
                ConfigChanges = composed.Changes,
            });
        }

        return DeploymentLookup.Found(deployment);
    }

    private IMailboxReader CreateMailbox(Uri adminUrl)
    {
        if (_ownSink is null)
        {
            return MailAccessUri.Parse(_settings.MailUrl!).CreateReader(patience: _settings.Patience);
        }

        return _settings.MailAccess switch
        {
            MailAccess.Imap => _ownSink.CreateImapMailbox(),
            MailAccess.Pop3 => _ownSink.CreatePop3Mailbox(),
            MailAccess.Courier => MailAccessUri.Parse("courier+" + adminUrl.AbsoluteUri).CreateReader(patience: _settings.Patience),
            _ => _ownSink.CreateHttpMailbox(),
        };
    }

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
