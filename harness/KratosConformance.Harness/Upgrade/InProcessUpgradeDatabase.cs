using Kratos.Double;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Ports;
using KratosConformance.Harness.Processes;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Ui;
using KratosConformance.SmsSink;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The upgrade in this process, fast enough for ./kc test: a SQLite file in a temp folder owned by this process,
/// migrated the way <c>kratos migrate sql -e --yes</c> migrates it (<see cref="KratosDoubleDatabase.Migrate"/>), and
/// the double serving it at the version asked (DSN in its environment, as Kratos reads it). Mail goes over SMTP to one
/// smtp4dev process that both versions share; the seeding and the suite runs read it over its HTTP API. SMS go
/// through the courier's http channel to one SMS sink on 127.0.0.1 in this process, shared by both versions too.
/// </summary>
public sealed class InProcessUpgradeDatabase : IUpgradeDatabase
{
    private readonly string _directory;
    private readonly Smtp4devProcess _sink;
    private readonly SmsSinkServer _smsSink;
    private readonly Client.Mail.IMailboxReader _mailbox;
    private readonly Patience _patience;
    private readonly TextWriter _log;

    private InProcessUpgradeDatabase(Smtp4devProcess sink, SmsSinkServer smsSink, Patience patience, TextWriter log)
    {
        _directory = OwnedTempDirectory.Create("kc-upgrade-");
        _sink = sink;
        _smsSink = smsSink;
        _mailbox = sink.CreateHttpMailbox();
        _patience = patience;
        _log = log;
    }

    /// <param name="patience">The run's patience (request and mail deadlines).</param>
    /// <param name="log">Where the doubles' and migrations' log lines go.</param>
    /// <param name="cancellationToken">Stops the start of smtp4dev and the SMS sink.</param>
    public static async Task<InProcessUpgradeDatabase> CreateAsync(Patience patience, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var sink = await Smtp4devProcess.StartAsync(patience, cancellationToken).ConfigureAwait(false);
        try
        {
            var smsSink = await SmsSinkServer.StartAsync(System.Net.IPAddress.Loopback, 0, cancellationToken).ConfigureAwait(false);
            return new InProcessUpgradeDatabase(sink, smsSink, patience, log);
        }
        catch
        {
            await sink.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string Dsn => $"sqlite://{Path.Combine(_directory, "db.sqlite")}?_fk=true";

    public string Description => $"SQLite file {Path.Combine(_directory, "db.sqlite")} (in-process double)";

    public string ConfigOverlay => UpgradeOverlay.ConfigPath;

    public Task<string> MigrateAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var output = new StringWriter();
        var applied = KratosDoubleDatabase.Migrate(Dsn, version, output, deviations);
        _log.Write(output.ToString());
        return Task.FromResult($"{applied} migration(s) applied; the database is at {KratosDoubleDatabase.MigratedVersion(Dsn) ?? "no version"}");
    }

    public async Task<UpgradeKratos> StartAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken)
    {
        var publicListener = LoopbackListener.Reserve();
        var adminListener = LoopbackListener.Reserve();
        var publicUrl = LoopbackListener.UrlOf(publicListener);
        var adminUrl = LoopbackListener.UrlOf(adminListener);
        var ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = publicUrl, Patience = _patience }, cancellationToken).ConfigureAwait(false);
        var schemaDirectory = Directory.CreateDirectory(Path.Combine(_directory, "schema-" + version)).FullName;
        var composer = UpgradeOverlay.Composer();
        KratosDoubleHost host;
        ComposedProfile composed;
        try
        {
            (host, composed) = await InProcessDouble.StartAsync(
                composer,
                KratosProfiles.Default,
                new HarnessWiring
                {
                    PublicBaseUrl = publicUrl, AdminBaseUrl = adminUrl, SmtpConnectionUri = $"smtp://{_sink.Host}:{_sink.SmtpPort}/?disable_starttls=true",
                    LoginUiUrl = ui.LoginUrl, ErrorUiUrl = ui.ErrorUrl, DefaultReturnUrl = ui.HomeUrl,
                    SmsUrl = new Uri(_smsSink.BaseUrl, SmsSinkServer.ReceivePath.TrimStart('/')),
                    Version = KratosVersion.Parse(version), Dev = true,
                },
                schemaDirectory,
                o =>
                {
                    o.PublicListener = publicListener;
                    o.AdminListener = adminListener;
                    o.WatchCourier = true;
                    o.Emulate = version;
                    o.Deviations = [.. deviations];
                    o.Environment["DSN"] = Dsn;
                    o.LogWriter = _log;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            publicListener.Dispose();
            adminListener.Dispose();
            await ui.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var configFile = Path.Combine(schemaDirectory, "kratos.yml");
        await File.WriteAllTextAsync(configFile, composed.KratosYml, cancellationToken).ConfigureAwait(false);
        var endpoints = new KratosEndpoints(host.PublicBaseUrl, host.AdminBaseUrl) { Patience = _patience };
        var deployment = new KratosDeployment(KratosProfiles.Default, endpoints, composed.Facts with { Version = KratosVersion.Parse(version) }, _mailbox)
        {
            SmsSinkUrl = composed.UsesSms ? _smsSink.BaseUrl : null,
        };
        return new UpgradeKratos(version, deployment, "smtp4dev+" + _sink.HttpBaseUrl.AbsoluteUri, configFile, $"reference double {version} (in-process) on {Description}", async () =>
        {
            await host.DisposeAsync().ConfigureAwait(false);
            await ui.DisposeAsync().ConfigureAwait(false);
        });
    }

    public Task ClearMailAsync(CancellationToken cancellationToken) => Smtp4devMail.ClearAsync(_sink.HttpBaseUrl, _patience, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _mailbox.DisposeAsync().ConfigureAwait(false);
        await _sink.DisposeAsync().ConfigureAwait(false);
        await _smsSink.DisposeAsync().ConfigureAwait(false);
        OwnedTempDirectory.TryDelete(_directory);
    }
}
