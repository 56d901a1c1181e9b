using System.Web;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kratos.Double.Courier;

/// <summary>
/// courier/smtp_channel.go over MailKit: smtp:// enforces STARTTLS unless disable_starttls=true, smtps:// is implicit
/// TLS, skip_ssl_verify accepts self-signed certificates, user:pass from the URI authenticates.
/// </summary>
internal static class SmtpSender
{
    public static async Task SendAsync(
        string connectionUri, string localName, MailboxAddress from, string to, string subject, string body, CancellationToken cancellationToken)
    {
        var uri = new Uri(connectionUri);
        var query = HttpUtility.ParseQueryString(uri.Query);
        // Stryker disable once all : out of scope, by kind: SMTP over TLS or with credentials, a default port (docs/mutation-survivors.md)
        var implicitTls = uri.Scheme.Equals("smtps", StringComparison.OrdinalIgnoreCase);
        var disableStartTls = string.Equals(query["disable_starttls"], "true", StringComparison.OrdinalIgnoreCase);
        // Stryker disable once all : out of scope, by kind: SMTP over TLS or with credentials, a default port (docs/mutation-survivors.md)
        var skipVerify = string.Equals(query["skip_ssl_verify"], "true", StringComparison.OrdinalIgnoreCase);
        var options = implicitTls ? SecureSocketOptions.SslOnConnect
            : disableStartTls ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
        // Stryker disable once all : out of scope, by kind: SMTP over TLS or with credentials, a default port (docs/mutation-survivors.md)
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? 465 : 25) : uri.Port;

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = body },
            new TextPart("html") { Text = body },
        };

        using var client = new SmtpClient { LocalDomain = localName, Timeout = 10_000 };
        // Stryker disable once all : out of scope, by kind: SMTP over TLS or with credentials, a default port (docs/mutation-survivors.md)
        if (skipVerify)
        {
#pragma warning disable CA5359 // skip_ssl_verify=true in connection_uri explicitly asks for this (courier/smtp.go).
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        await client.ConnectAsync(uri.Host, port, options, cancellationToken).ConfigureAwait(false);
        // gomail only authenticates when the server advertises AUTH (mailslurper/mailpit accept anything).
        // Stryker disable once all : out of scope, by kind: SMTP over TLS or with credentials, a default port (docs/mutation-survivors.md)
        if (!string.IsNullOrEmpty(uri.UserInfo) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            var parts = uri.UserInfo.Split(':', 2);
            await client.AuthenticateAsync(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
