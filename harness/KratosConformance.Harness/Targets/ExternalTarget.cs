using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// An existing deployment, no Docker: the harness starts nothing and changes nothing. It runs one configuration, so
/// only the default profile is available; scenarios that need another (a short code lifespan, whoami aal1) are
/// reported as not applicable with the reason. With --config the facts come from the team's kratos.yml; without it,
/// Kratos's defaults are assumed (and the report says so).
/// </summary>
public sealed class ExternalTarget : IConformanceTarget
{
    private readonly KratosDeployment _deployment;

    private ExternalTarget(KratosDeployment deployment, string mailDescription)
    {
        _deployment = deployment;
        MailDescription = mailDescription;
    }

    public string Name => TargetKind.External.Id();

    public string KratosDescription => _deployment.Endpoints.PublicUrl.AbsoluteUri;

    public string MailDescription { get; }

    // --dev is a flag of the deployment's command line: neither its URLs nor its kratos.yml show it.
    private const string DevUnknown = "whether Kratos runs with --dev is not known: cookies' Secure attribute is judged only where cookies.secure or session.cookie.secure sets it";

    public static async Task<ExternalTarget> CreateAsync(HarnessSettings settings, ProfileComposer composer, CancellationToken cancellationToken)
    {
        var publicUrl = settings.PublicUrl ?? throw new HarnessSettingsException("--target external needs --public-url (KC_PUBLIC_URL).");
        var adminUrl = settings.AdminUrl ?? throw new HarnessSettingsException("--target external needs --admin-url (KC_ADMIN_URL).");
        var mailUrl = settings.MailUrl ?? throw new HarnessSettingsException("--target external needs --mail-url (KC_MAIL_URL).");
        await EnsureAnswersAsync(new Uri(publicUrl, "health/ready"), "--public-url", settings.Patience, cancellationToken).ConfigureAwait(false);
        await EnsureAnswersAsync(new Uri(adminUrl, "admin/health/ready"), "--admin-url", settings.Patience, cancellationToken).ConfigureAwait(false);

        var version = await KratosVersionProbe.ResolveAsync(adminUrl, settings.KratosVersionOverride, settings.Patience, cancellationToken).ConfigureAwait(false);
        KratosFacts facts;
        IReadOnlyList<string> notes;
        if (settings.ConfigFile is not null)
        {
            // The team's own config, read only for its facts: nothing is written back to the deployment.
            var composed = composer.Compose(KratosProfiles.Default, new HarnessWiring { PublicBaseUrl = publicUrl, AdminBaseUrl = adminUrl, Version = version });
            // The identity schema is the deployment's own, which --config does not carry: the identifier label is not judged.
            facts = composed.Facts with { Version = version, Dev = null, IdentifierTraits = null };
            notes = [$"facts read from {settings.ConfigFile}", DevUnknown];
        }
        else
        {
            facts = new KratosFacts { Version = version, FromConfig = false };
            notes = ["no --config given: Kratos's defaults assumed (max_submissions 5, code lifespan 1h, whoami highest_available)", DevUnknown];
        }

        var mailbox = MailAccessUri.Parse(mailUrl).CreateReader(patience: settings.Patience);
        var deployment = new KratosDeployment(KratosProfiles.Default, new KratosEndpoints(publicUrl, adminUrl) { Patience = settings.Patience }, facts, mailbox);
        TargetInfo.WriteIfRequested(settings.RunInfoFile, new TargetInfo
        {
            Target = TargetKind.External.Id(),
            Kratos = publicUrl.AbsoluteUri,
            KratosVersion = version.ToString(),
            Mail = mailbox.Description,
            LoginUi = settings.UiUrl is { } own ? "--ui-url " + own.AbsoluteUri : facts.LoginUiUrl is { } configured ? $"{configured.AbsoluteUri} (selfservice.flows.login.ui_url of {settings.ConfigFile})" : null,
            ConfigChanges = notes,
        });
        return new ExternalTarget(deployment, mailbox.Description) { _smsUrl = settings.SmsUrl };
    }

    private Uri? _smsUrl;

    public Task<DeploymentLookup> GetDeploymentAsync(string profile, CancellationToken cancellationToken = default) =>
        Task.FromResult(profile == KratosProfiles.Default
            ? DeploymentLookup.Found(_deployment)
            : profile == KratosProfiles.Sms
                ? _smsUrl is { } sms
                    ? DeploymentLookup.Found(_deployment with { Profile = profile, SmsSinkUrl = sms })
                    : DeploymentLookup.NotAvailable("the SMS scenarios read what the deployment's courier sent through its sms channel: give the team's SMS webhook sink with --sms-url (docs/sms-sink.md)")
            : DeploymentLookup.NotAvailable(
                $"profile '{profile}' needs a Kratos configured for it (fixtures/profiles/{profile}.yml); the external deployment runs one configuration. Run this scenario with --target containers or inprocess."));

    private static async Task EnsureAnswersAsync(Uri url, string option, Patience patience, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var status = await patience.For("Kratos readiness probe", TimeSpan.FromSeconds(5)).RunAsync($"GET {url}", async ct =>
            {
                using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
                return response.StatusCode;
            }, cancellationToken).ConfigureAwait(false);
            if ((int)status is < 200 or > 299)
            {
                throw new HarnessSettingsException($"{option}: GET {url} answered {(int)status}; Kratos answers 200 when ready. Is this Kratos's URL, and is it ready?");
            }
        }
        catch (Exception e) when (e is HttpRequestException or DeadlineExpiredException)
        {
            throw new HarnessSettingsException($"{option}: nothing answers at {url} ({e.Message}). Check the URL and that Kratos runs.", e);
        }
    }

    public ValueTask DisposeAsync() => _deployment.Mailbox.DisposeAsync();
}
