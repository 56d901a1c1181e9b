namespace KratosConformance.Containers;

/// <summary>smtp4dev: SMTP, IMAP, POP3 and an HTTP API. The default image is built locally (LocalImages.EnsureSmtp4devImageAsync); rnwood/smtp4dev uses the same ports.</summary>
public sealed class Smtp4devBuilder : ContainerBuilder<Smtp4devBuilder, Smtp4devContainer, Smtp4devConfiguration>
{
    public const string DefaultImage = "kratos-conformance/smtp4dev:local";
    public const ushort SmtpPort = 25;
    public const ushort HttpPort = 80;
    public const ushort ImapPort = 143;
    public const ushort Pop3Port = 110;

    public Smtp4devBuilder(string image = DefaultImage)
        : this(new DockerImage(Configured(image)))
    {
    }

    public Smtp4devBuilder(IImage image)
        : this(new Smtp4devConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    private Smtp4devBuilder(Smtp4devConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    protected override Smtp4devConfiguration DockerResourceConfiguration { get; }

    public override Smtp4devContainer Build()
    {
        Validate();
        return new Smtp4devContainer(DockerResourceConfiguration);
    }

    protected override Smtp4devBuilder Init() =>
        base.Init()
            .WithPortBinding(HttpPort, true)
            .WithPortBinding(SmtpPort, true)
            .WithPortBinding(ImapPort, true)
            .WithPortBinding(Pop3Port, true)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/api/messages"), o => o.WithTimeout(ContainerPatience.FromEnvironment().MailSinkReady.Limit)));

    protected override Smtp4devBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new Smtp4devConfiguration(resourceConfiguration));

    protected override Smtp4devBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new Smtp4devConfiguration(resourceConfiguration));

    protected override Smtp4devBuilder Merge(Smtp4devConfiguration oldValue, Smtp4devConfiguration newValue) =>
        new(new Smtp4devConfiguration(oldValue, newValue));

    // Testcontainers reads its settings once, on first use (DockerImage already does); derive them first.
    private static string Configured(string image)
    {
        DockerEnvironment.EnsureConfigured();
        return image;
    }
}
