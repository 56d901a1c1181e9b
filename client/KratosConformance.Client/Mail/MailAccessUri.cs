using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Where the harness reads mail for an external deployment (issue 4, target <c>external</c>). Host and port must be
/// written out: nothing defaults to a host the user did not name.
/// </summary>
public sealed record MailAccessUri(MailAccessKind Kind, Uri Endpoint, string Text)
{
    /// <summary>Parses the --mail-url forms; anything else throws <see cref="MailAccessUriException"/> naming the value and the valid forms.</summary>
    public static MailAccessUri Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MailAccessUriException(value ?? string.Empty, "it is empty");
        }

        var text = value.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new MailAccessUriException(value, "it has no scheme (such as imap:// or smtp4dev+http://)");
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        var (kind, transport) = scheme switch
        {
            "imap" or "imaps" => (MailAccessKind.Imap, scheme),
            "pop3" or "pop3s" => (MailAccessKind.Pop3, scheme),
            "mailpit+http" or "mailpit+https" => (MailAccessKind.Mailpit, scheme[8..]),
            "mailhog+http" or "mailhog+https" => (MailAccessKind.MailHog, scheme[8..]),
            "smtp4dev+http" or "smtp4dev+https" => (MailAccessKind.Smtp4dev, scheme[9..]),
            "courier+http" or "courier+https" => (MailAccessKind.Courier, scheme[8..]),
            _ => throw new MailAccessUriException(value, $"the scheme '{scheme}' is not known"),
        };

        if (!Uri.TryCreate(transport + text[schemeEnd..], UriKind.Absolute, out var endpoint) || string.IsNullOrEmpty(endpoint.Host))
        {
            throw new MailAccessUriException(value, "the host is missing or malformed");
        }

        // Uri fills in a default port for http(s); a port must still be written, so look at the text itself.
        if (endpoint.IsDefaultPort && !HasExplicitPort(text[(schemeEnd + 3)..]))
        {
            throw new MailAccessUriException(value, "the port is missing (write host:port; no port is assumed)");
        }

        if (kind is MailAccessKind.Imap or MailAccessKind.Pop3 && endpoint.AbsolutePath.Trim('/').Length > 0)
        {
            throw new MailAccessUriException(value, "IMAP and POP3 URLs take no path (INBOX is always read)");
        }

        return new MailAccessUri(kind, endpoint, text);
    }

    public static bool TryParse(string? value, out MailAccessUri? uri)
    {
        try
        {
            uri = Parse(value ?? string.Empty);
            return true;
        }
        catch (MailAccessUriException)
        {
            uri = null;
            return false;
        }
    }

    /// <summary>A new reader for this access, its requests bounded by <paramref name="patience"/>; the caller disposes it.</summary>
    public IMailboxReader CreateReader(HttpClient? httpClient = null, Patience? patience = null) => Kind switch
    {
        MailAccessKind.Imap => new ImapMailbox(Credentials(), patience),
        MailAccessKind.Pop3 => new Pop3Mailbox(Credentials(), patience),
        MailAccessKind.Mailpit => new MailpitHttpMailbox(Endpoint, httpClient, patience),
        MailAccessKind.MailHog => new MailHogHttpMailbox(Endpoint, httpClient, patience),
        MailAccessKind.Smtp4dev => new Smtp4devHttpMailbox(Endpoint, httpClient, patience: patience),
        MailAccessKind.Courier => new CourierApiMailbox(Endpoint, httpClient, patience),
        _ => throw new InvalidOperationException($"No reader for {Kind}."),
    };

    /// <summary>The URL without user info, safe for reports.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(Endpoint.UserInfo) ? Text : Text.Replace(Endpoint.UserInfo + "@", "***@", StringComparison.Ordinal);

    private MailServerCredentials Credentials()
    {
        var secure = Endpoint.Scheme.EndsWith('s') ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.None;
        var info = Endpoint.UserInfo.Split(':', 2);
        var server = info[0].Length > 0
            ? new MailServerCredentials(Endpoint.Host, Endpoint.Port, Uri.UnescapeDataString(info[0]), info.Length > 1 ? Uri.UnescapeDataString(info[1]) : string.Empty)
            : new MailServerCredentials(Endpoint.Host, Endpoint.Port);
        return server with { Security = secure };
    }

    private static bool HasExplicitPort(string afterScheme)
    {
        var authority = afterScheme.Split('/', '?', '#')[0];
        var hostPart = authority[(authority.LastIndexOf('@') + 1)..];
        var colon = hostPart.LastIndexOf(':');
        return colon >= 0 && colon > hostPart.LastIndexOf(']') && hostPart[(colon + 1)..].Length > 0;
    }
}
