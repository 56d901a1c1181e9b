namespace KratosConformance.Containers;

/// <summary>Mailpit: SMTP and a searchable HTTP API (no IMAP). Its image must be pulled; it can not be built here.</summary>
public sealed class MailpitBuilder : ContainerBuilder<MailpitBuilder, MailpitContainer, MailpitConfiguration>
{
    public const string DefaultImage = "axllent/mailpit:v1.30";
    public const ushort SmtpPort = 1025;
    public const ushort HttpPort = 8025;

    public MailpitBuilder(string image = DefaultImage)
        : this(new DockerImage(Configured(image)))
    {
    }

    public MailpitBuilder(IImage image)
        : this(new MailpitConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    private MailpitBuilder(MailpitConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override MailpitConfiguration DockerResourceConfiguration { get; }

    public override MailpitContainer Build()
    {
        Validate();
        return new MailpitContainer(DockerResourceConfiguration);
    }

    protected override MailpitBuilder Init() =>
        base.Init()
            .WithPortBinding(HttpPort, true)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/readyz"), o => o.WithTimeout(ContainerPatience.FromEnvironment().MailSinkReady.Limit)));

    protected override MailpitBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new MailpitConfiguration(resourceConfiguration));

    protected override MailpitBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new MailpitConfiguration(resourceConfiguration));

    protected override MailpitBuilder Merge(MailpitConfiguration oldValue, MailpitConfiguration newValue) =>
        new(new MailpitConfiguration(oldValue, newValue));

    // Testcontainers reads its settings once, on first use (DockerImage already does); derive them first.
    private static string Configured(string image)
    {
        DockerEnvironment.EnsureConfigured();
        return image;
    }
}
