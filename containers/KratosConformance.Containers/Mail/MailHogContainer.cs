namespace KratosConformance.Containers;

/// <summary>A running MailHog; see <see cref="MailHogBuilder" />.</summary>
public sealed class MailHogContainer : DockerContainer, IMailSinkContainer
{
    public MailHogContainer(MailHogConfiguration configuration)
        : base(configuration)
    {
    }

    public MailSinkKind Kind => MailSinkKind.MailHog;

    public ushort InternalSmtpPort => MailHogBuilder.SmtpPort;

    public Uri GetHttpBaseAddress() => new UriBuilder(Uri.UriSchemeHttp, Hostname, GetMappedPublicPort(MailHogBuilder.HttpPort)).Uri;
}
