using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Volumes;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Ui;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The upgrade as a team runs it with real images: one Docker network with smtp4dev, one named volume holding the
/// SQLite file, and each version's Kratos container (the double's local image emulating the version, or the image
/// given) mounting that volume; starting a version first runs its <c>kratos migrate sql -e --yes</c> job on the same
/// volume (KratosMigration), then serve. The courier's sms channel goes to the SMS sink on the same network (alias
/// sms-sink), started with the first version. Every container, the network and the volume carry the run's owner labels
/// and are removed at the end (a dead run's by the next kc's sweep).
/// </summary>
public sealed class ContainersUpgradeDatabase : IUpgradeDatabase
{
    private readonly KratosStack _stack;
    private readonly IVolume _volume;
    private readonly IMailboxReader _mailbox;
    private readonly Patience _patience;
    private readonly string _volumeName;

    private ContainersUpgradeDatabase(KratosStack stack, IVolume volume, Patience patience)
    {
        _stack = stack;
        _volume = volume;
        _volumeName = volume.Name;
        _patience = patience;
        _mailbox = MailAccessUri.Parse("smtp4dev+" + stack.Mail.GetHttpBaseAddress().AbsoluteUri).CreateReader(patience: patience);
    }

    public static async Task<ContainersUpgradeDatabase> CreateAsync(Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var containerPatience = new ContainerPatience(patience.Factor);
        DockerEnvironment.EnsureConfigured();
        if (await DockerEnvironment.CheckAvailableAsync(cancellationToken).ConfigureAwait(false) is { } noDocker)
        {
            throw new DockerProblemException(noDocker);
        }

        var volume = new VolumeBuilder()
            .WithName($"{DockerEnvironment.SessionId}-upgrade-{Guid.NewGuid().ToString("N")[..12]}")
            .WithLabel(DockerEnvironment.SessionLabels)
            .Build();
        await volume.CreateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stack = await KratosStack.StartAsync(new KratosStackOptions { Mail = MailSinkKind.Smtp4dev, Patience = containerPatience }, cancellationToken).ConfigureAwait(false);
            return new ContainersUpgradeDatabase(stack, volume, patience);
        }
        catch
        {
            await volume.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string Description => $"SQLite file /var/lib/sqlite/db.sqlite on Docker volume {_volumeName}";

    public string ConfigOverlay => UpgradeOverlay.ConfigPath;

    public Task<string> MigrateAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken)
    {
        return Task.FromResult($"runs as the migration job of {image ?? LocalImages.DoubleLocalTag} on volume {_volumeName}, before its serve starts");
    }

    public Task ClearMailAsync(CancellationToken cancellationToken) => Smtp4devMail.ClearAsync(_stack.Mail.GetHttpBaseAddress(), _patience, cancellationToken);

    public async Task<UpgradeKratos> StartAsync(string version, string? image, IReadOnlyCollection<string> deviations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var name = "upgrade-" + version.Replace('.', '-');
        var publicPort = FreePort.Pick();
        var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        var ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = publicUrl, Patience = _patience }, cancellationToken).ConfigureAwait(false);
        try
        {
            var composed = UpgradeOverlay.Composer().Compose(KratosProfiles.Default, new HarnessWiring
            {
                PublicBaseUrl = publicUrl, AdminBaseUrl = new Uri($"http://kratos-{name}:4434/"), SmtpConnectionUri = _stack.MailConnectionUri,
                LoginUiUrl = ui.LoginUrl, ErrorUiUrl = ui.ErrorUrl, DefaultReturnUrl = ui.HomeUrl, SmsUrl = new Uri(SmsSinkContainer.InternalUrl),
                Version = KratosVersion.Parse(version), Dev = true,
            });
            Uri? smsSinkUrl = null;
            if (composed.UsesSms)
            {
                // The SMS sink runs on the stack's network in a container of the local smtp4dev image (once for A and B).
                var smtp4dev = await LocalImages.EnsureSmtp4devImageAsync(RepositoryLayout.ContentRoot, TextWriter.Null, new ContainerPatience(_patience.Factor), cancellationToken).ConfigureAwait(false);
                smsSinkUrl = await _stack.EnsureSmsSinkAsync(smtp4dev, typeof(SmsSink.SmsSinkServer).Assembly.Location, cancellationToken).ConfigureAwait(false);
            }

            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (image is null)
            {
                environment["KRATOS_DOUBLE_EMULATE"] = version;
                if (deviations.Count > 0)
                {
                    environment["KRATOS_DOUBLE_DEVIATIONS"] = string.Join(',', deviations);
                }
            }

            var kratos = await _stack.AddKratosAsync(
                new KratosProfile(name, composed.KratosYml, composed.IdentitySchemaJson, composed.SchemaFileName, publicPort)
                {
                    ConfigFiles = composed.ConfigFiles, Image = image ?? LocalImages.DoubleLocalTag, Environment = environment, SqliteVolume = _volume,
                },
                cancellationToken).ConfigureAwait(false);
            var adminUrl = new Uri(kratos.GetAdminUrl().AbsoluteUri.TrimEnd('/') + "/");
            var endpoints = new KratosEndpoints(kratos.GetPublicUrl(), adminUrl) { Patience = _patience };
            var configFile = Path.Combine(Path.GetTempPath(), $"kc-upgrade-{Environment.ProcessId}-{name}.yml");
            await File.WriteAllTextAsync(configFile, composed.KratosYml, cancellationToken).ConfigureAwait(false);
            var deployment = new KratosDeployment(KratosProfiles.Default, endpoints, composed.Facts with { Version = KratosVersion.Parse(version) }, _mailbox)
            {
                SmsSinkUrl = smsSinkUrl,
            };
            return new UpgradeKratos(version, deployment, "smtp4dev+" + _stack.Mail.GetHttpBaseAddress().AbsoluteUri, configFile,
                $"{image ?? LocalImages.DoubleLocalTag + " emulating " + version} in a container on {Description}", async () =>
                {
                    await _stack.RemoveKratosAsync(name).ConfigureAwait(false);
                    await ui.DisposeAsync().ConfigureAwait(false);
                    File.Delete(configFile);
                });
        }
        catch
        {
            await ui.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _mailbox.DisposeAsync().ConfigureAwait(false);
        await _stack.DisposeAsync().ConfigureAwait(false);
        await _volume.DisposeAsync().ConfigureAwait(false);
    }
}
