using System.Collections.Concurrent;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Ui;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Kratos (any image: the local double by default, oryd/kratos for users) and a mail sink on one fresh Docker network,
/// started through Testcontainers; one Kratos per profile, added on first use; the reference UI on the host.
/// Everything is removed on dispose, also after a failure.
/// </summary>
public sealed class ContainersTarget : IConformanceTarget
{
    private readonly HarnessSettings _settings;
    private readonly ProfileComposer _composer;
    private readonly KratosStack _stack;
    private readonly ConcurrentDictionary<string, Lazy<Task<DeploymentLookup>>> _deployments = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IAsyncDisposable> _resources = [];
    private Uri? _smsSinkUrl;

    private ContainersTarget(HarnessSettings settings, ProfileComposer composer, KratosStack stack, string kratosImage)
    {
        _settings = settings;
        _composer = composer;
        _stack = stack;
        KratosDescription = kratosImage;
    }

    public string Name => TargetKind.Containers.Id();

    /// <summary>
    /// Where the local images (the double's, smtp4dev's, the SMS sink's) are built from: the content root, which is the
    /// clone or the installed tool's own folder, so kc run --target containers works from the tool as from a clone.
    /// </summary>
    internal static string ImageRecipeRoot => RepositoryLayout.ContentRoot;

    public string KratosDescription { get; }

    public string MailDescription => $"{_settings.Mail.Id()} container over {_settings.MailAccess.Id()}";

    public static async Task<ContainersTarget> CreateAsync(HarnessSettings settings, ProfileComposer composer, TextWriter log, CancellationToken cancellationToken)
    {
        var root = ImageRecipeRoot;
        var mail = settings.Mail;
        DockerEnvironment.EnsureConfigured();
        if (await DockerEnvironment.CheckAvailableAsync(cancellationToken).ConfigureAwait(false) is { } noDocker)
        {
            throw new HarnessSettingsException(noDocker);
        }

        // The local images are built from this checkout on first use and cached by content afterwards.
        var patience = new ContainerPatience(settings.Patience.Factor);
        var kratosImage = settings.KratosImage ?? await LocalImages.EnsureDoubleImageAsync(root, log, patience, cancellationToken).ConfigureAwait(false);
        if (mail == MailSinkKind.Smtp4dev)
        {
            await LocalImages.EnsureSmtp4devImageAsync(root, log, patience, cancellationToken).ConfigureAwait(false);
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.Emulate is not null)
        {
            environment["KRATOS_DOUBLE_EMULATE"] = settings.Emulate;
        }

        if (settings.Deviations.Count > 0)
        {
            environment["KRATOS_DOUBLE_DEVIATIONS"] = string.Join(',', settings.Deviations);
        }

        var stack = await KratosStack.StartAsync(
            new KratosStackOptions { KratosImage = kratosImage, Mail = mail, MailImage = settings.MailImage, KratosEnvironment = environment, Patience = patience },
            cancellationToken).ConfigureAwait(false);
        return new ContainersTarget(settings, composer, stack, kratosImage);
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

        return _deployments.GetOrAdd(profile, p => new Lazy<Task<DeploymentLookup>>(() => StartAsync(p, cancellationToken))).Value;
    }

    /// <summary>
    /// Starts the profile's Kratos; once more on a new public port when Docker could not publish the first one
    /// (<see cref="HostPortTakenException" />). One retry, because that collision happens before Kratos ran at all:
    /// nothing was asked of it, so starting it again can not hide a Kratos behaviour; and FreePort picks below the
    /// kernel's ephemeral range, so a second collision means a listener that keeps taking our ports, which the
    /// exception then names.
    /// </summary>
    private async Task<DeploymentLookup> StartAsync(string profile, CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnceAsync(profile, cancellationToken).ConfigureAwait(false);
        }
        catch (HostPortTakenException)
        {
            return await StartOnceAsync(profile, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DeploymentLookup> StartOnceAsync(string profile, CancellationToken cancellationToken)
    {
        // Kratos must be told its public URL and the UI's URL before it starts, and the UI needs Kratos's URL: so the
        // public host port is chosen first (spec §5.1: serve.public.base_url shapes redirects and the CSRF cookie name).
        var publicPort = FreePort.Pick();
        var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        var ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = publicUrl, Patience = _settings.Patience }, cancellationToken).ConfigureAwait(false);
        KratosContainer kratos;
        ComposedProfile composed;
        try
        {
            (kratos, composed) = await StartKratosAsync(profile, publicPort, publicUrl, ui, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ui.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _resources.Add(ui);
        return await DescribeAsync(profile, kratos, composed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(KratosContainer Kratos, ComposedProfile Composed)> StartKratosAsync(
        string profile, int publicPort, Uri publicUrl, ReferenceUi ui, CancellationToken cancellationToken)
    {
        var assumed = _settings.KratosVersionOverride ?? _settings.Emulate;
        var composed = _composer.Compose(profile, new HarnessWiring
        {
            PublicBaseUrl = publicUrl,
            AdminBaseUrl = new Uri($"http://kratos-{profile}:4434/"),
            SmtpConnectionUri = _stack.MailConnectionUri,
            LoginUiUrl = ui.LoginUrl,
            SettingsUiUrl = ui.SettingsUrl,
            ErrorUiUrl = ui.ErrorUrl,
            DefaultReturnUrl = ui.HomeUrl,
            SmsUrl = new Uri(SmsSinkContainer.InternalUrl),
            Version = assumed is null ? KratosVersion.V26_2_0 : KratosVersion.Parse(assumed),
            Dev = true,
        });
        if (composed.UsesSms)
        {
            // The SMS sink runs on the stack's network (alias sms-sink) in a container of the local smtp4dev image.
            var image = await LocalImages.EnsureSmtp4devImageAsync(ImageRecipeRoot, TextWriter.Null, new ContainerPatience(_settings.Patience.Factor), cancellationToken).ConfigureAwait(false);
            _smsSinkUrl = await _stack.EnsureSmsSinkAsync(image, typeof(SmsSink.SmsSinkServer).Assembly.Location, cancellationToken).ConfigureAwait(false);
        }

        var kratos = await _stack.AddKratosAsync(
            new KratosProfile(profile, composed.KratosYml, composed.IdentitySchemaJson, composed.SchemaFileName, publicPort) { ConfigFiles = composed.ConfigFiles },
            cancellationToken).ConfigureAwait(false);
        return (kratos, composed);
    }

    private async Task<DeploymentLookup> DescribeAsync(string profile, KratosContainer kratos, ComposedProfile composed, CancellationToken cancellationToken)
    {
        var adminUrl = new Uri(kratos.GetAdminUrl().AbsoluteUri.TrimEnd('/') + "/");
        var version = await KratosVersionProbe.ResolveAsync(adminUrl, _settings.KratosVersionOverride, _settings.Patience, cancellationToken).ConfigureAwait(false);
        var mailbox = CreateMailbox(adminUrl);
        _resources.Add(mailbox);
        var deployment = new KratosDeployment(profile, new KratosEndpoints(kratos.GetPublicUrl(), adminUrl) { Patience = _settings.Patience }, composed.Facts with { Version = version }, mailbox)
        {
            ReadLogAsync = async (since, ct) =>
                (await kratos.GetLogsSinceAsync(since.UtcDateTime, ct).ConfigureAwait(false))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries),
            SmsSinkUrl = composed.UsesSms ? _smsSinkUrl : null,
        };

        if (profile == KratosProfiles.Default)
        {
            var images = await _stack.GetImagesAsync(cancellationToken).ConfigureAwait(false);
            var image = images.FirstOrDefault(i => i.Name == KratosDescription);
            TargetInfo.WriteIfRequested(_settings.RunInfoFile, new TargetInfo
            {
                Target = Name,
                Kratos = KratosDescription,
                KratosVersion = version.ToString(),
                KratosImage = KratosDescription,
                KratosImageDigest = image is null ? null : image.RepoDigests.FirstOrDefault() ?? image.Id,
                Mail = mailbox.Description,
                ConfigHash = InProcessTarget.Hash(composed.KratosYml + composed.IdentitySchemaJson),
                LoginUi = _settings.UiUrl is { } own ? "--ui-url " + own.AbsoluteUri : StartedUi.Describe(_settings with { ReferenceUi = HarnessSettings.ReferenceUiServer }),
                ConfigChanges = [.. composed.Changes, $"set courier.smtp.connection_uri to {_stack.MailConnectionUri} (environment COURIER_SMTP_CONNECTION_URI)"],
            });
        }

        return DeploymentLookup.Found(deployment);
    }

    private IMailboxReader CreateMailbox(Uri adminUrl)
    {
        var http = _stack.Mail.GetHttpBaseAddress().AbsoluteUri.TrimEnd('/');
        var access = _settings.MailAccess switch
        {
            MailAccess.Imap => _stack.MailImapEndpoint?.ToString(),
            MailAccess.Pop3 => _stack.MailPop3Endpoint?.ToString(),
            MailAccess.Courier => "courier+" + adminUrl.AbsoluteUri,
            _ => $"{_settings.Mail.Id()}+{http}",
        };
        return MailAccessUri.Parse(access ?? throw new HarnessSettingsException($"--mail-access {_settings.MailAccess.Id()} needs a sink that speaks it (smtp4dev).")).CreateReader(patience: _settings.Patience);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync().ConfigureAwait(false);
        }

        await _stack.DisposeAsync().ConfigureAwait(false);
    }
}
