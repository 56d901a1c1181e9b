using MailKit.Security;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Where and how the IMAP and POP3 readers log in. smtp4dev accepts any user name and password, so the defaults only
/// need to be non-empty; a real server gets its own through <c>imap://user:pass@host:port</c>.
/// </summary>
public sealed record MailServerCredentials(string Host, int Port, string UserName = "kratos-conformance", string Password = "kratos-conformance")
{
    /// <summary>None: the sinks this harness talks to listen on loopback without TLS.</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.None;

    public override string ToString() => $"{Host}:{Port}";
}
