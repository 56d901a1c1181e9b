namespace KratosConformance.Containers;

/// <summary>A running Smtp4dev; see <see cref="Smtp4devBuilder" />.</summary>
public sealed class Smtp4devContainer : DockerContainer, IMailSinkContainer
{
    public Smtp4devContainer(Smtp4devConfiguration configuration)
        : base(configuration)
    {
    }

    public MailSinkKind Kind => MailSinkKind.Smtp4dev;

    public ushort InternalSmtpPort => Smtp4devBuilder.SmtpPort;

    public Uri GetHttpBaseAddress() => new UriBuilder(Uri.UriSchemeHttp, Hostname, GetMappedPublicPort(Smtp4devBuilder.HttpPort)).Uri;

    /// <summary>SMTP as the host reaches it, so tests can put mail in without Kratos.</summary>
    public Uri GetSmtpEndpoint() => new UriBuilder("smtp", Hostname, GetMappedPublicPort(Smtp4devBuilder.SmtpPort)).Uri;

    /// <summary>IMAP as the host reaches it (any credentials are accepted).</summary>
    public Uri GetImapEndpoint() => new UriBuilder("imap", Hostname, GetMappedPublicPort(Smtp4devBuilder.ImapPort)).Uri;

    /// <summary>POP3 as the host reaches it (any credentials are accepted).</summary>
    public Uri GetPop3Endpoint() => new UriBuilder("pop3", Hostname, GetMappedPublicPort(Smtp4devBuilder.Pop3Port)).Uri;
}
