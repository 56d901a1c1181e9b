namespace KratosConformance.Containers;

/// <summary>MailHog: SMTP and API v2 search (unmaintained since 2022, kept because Kratos's own suites used it). Its image must be pulled.</summary>
public sealed class MailHogBuilder : ContainerBuilder<MailHogBuilder, MailHogContainer, MailHogConfiguration>
{
    public const string DefaultImage = "mailhog/mailhog:v1.0.1";
    public const ushort SmtpPort = 1025;
    public const ushort HttpPort = 8025;

    public MailHogBuilder(string image = DefaultImage)
        : this(new DockerImage(Configured(image)))
    {
    }

    public MailHogBuilder(IImage image)
        : this(new MailHogConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    private MailHogBuilder(MailHogConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override MailHogConfiguration DockerResourceConfiguration { get; }

    public override MailHogContainer Build()
    {
        Validate();
        return new MailHogContainer(DockerResourceConfiguration);
    }

    protected override MailHogBuilder Init() =>
        base.Init()
            .WithPortBinding(HttpPort, true)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/api/v2/messages"), o => o.WithTimeout(ContainerPatience.FromEnvironment().MailSinkReady.Limit)));

    protected override MailHogBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new MailHogConfiguration(resourceConfiguration));

    protected override MailHogBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new MailHogConfiguration(resourceConfiguration));

    protected override MailHogBuilder Merge(MailHogConfiguration oldValue, MailHogConfiguration newValue) =>
        new(new MailHogConfiguration(oldValue, newValue));

    // Testcontainers reads its settings once, on first use (DockerImage already does); derive them first.
    private static string Configured(string image)
    {
        DockerEnvironment.EnsureConfigured();
        return image;
    }
}
