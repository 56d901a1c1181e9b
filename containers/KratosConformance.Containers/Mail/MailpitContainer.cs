namespace KratosConformance.Containers;

/// <summary>A running Mailpit; see <see cref="MailpitBuilder" />.</summary>
public sealed class MailpitContainer : DockerContainer, IMailSinkContainer
{
    public MailpitContainer(MailpitConfiguration configuration)
        : base(configuration)
    {
    }

    public MailSinkKind Kind => MailSinkKind.Mailpit;

    public ushort InternalSmtpPort => MailpitBuilder.SmtpPort;

    public Uri GetHttpBaseAddress() => new UriBuilder(Uri.UriSchemeHttp, Hostname, GetMappedPublicPort(MailpitBuilder.HttpPort)).Uri;
}
