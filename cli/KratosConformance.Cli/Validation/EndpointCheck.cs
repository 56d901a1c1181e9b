using System.Text.Json.Nodes;
using KratosConformance.Cli.Errors;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Asks every URL kc was given whether it is what it claims to be, once, before any test: the public URL must answer
/// like Kratos's public API (a login flow), the admin URL like its admin API (the identities list), the mail URL like
/// its kind (the sink's HTTP API, an IMAP or POP3 greeting, the courier's message list), the UI URL with a page. An
/// unreachable mail URL used to fail 32 tests with the same "Connection refused".
/// </summary>
public sealed class EndpointCheck(HttpClient http, Deadline deadline)
{
    public async Task PublicApiAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        var body = await GetJsonAsync("--public-url", new Uri(publicUrl, "self-service/login/api"), "Kratos's public API", cancellationToken).ConfigureAwait(false);
        if (body?["id"] is null || body["ui"] is not JsonObject)
        {
            throw new CliException($"--public-url {publicUrl}: GET self-service/login/api did not answer a login flow (no id and ui), so this is not Kratos's public API. Give the URL of Kratos's public port (4433 by default).");
        }
    }

    public async Task AdminApiAsync(Uri adminUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        var body = await GetJsonAsync("--admin-url", new Uri(adminUrl, "admin/identities?page_size=1"), "Kratos's admin API", cancellationToken).ConfigureAwait(false);
        if (body is not JsonArray)
        {
            throw new CliException($"--admin-url {adminUrl}: GET admin/identities did not answer a list of identities, so this is not Kratos's admin API. Give the URL of Kratos's admin port (4434 by default).");
        }
    }

    /// <summary>The --mail-url as the mail readers will read it; its form is checked before anything is asked.</summary>
    public static MailAccessUri ParseMailUrl(string mailUrl)
    {
        try
        {
            return MailAccessUri.Parse(mailUrl);
        }
        catch (MailAccessUriException e)
        {
            throw new CliException("--mail-url " + e.Message);
        }
    }

    public async Task MailAsync(string mailUrl, CancellationToken cancellationToken)
    {
        var access = ParseMailUrl(mailUrl);

        var endpoint = access.Endpoint;
        switch (access.Kind)
        {
            case MailAccessKind.Imap or MailAccessKind.Pop3:
                await GreetingAsync(access, cancellationToken).ConfigureAwait(false);
                break;
            case MailAccessKind.Smtp4dev:
                Expect(await GetJsonAsync("--mail-url", new Uri(endpoint, "api/messages?pageSize=1"), "smtp4dev's HTTP API", cancellationToken).ConfigureAwait(false) is not null, mailUrl, "smtp4dev's HTTP API (api/messages)");
                break;
            case MailAccessKind.Mailpit:
                Expect(await GetJsonAsync("--mail-url", new Uri(endpoint, "api/v1/messages?limit=1"), "Mailpit's API", cancellationToken).ConfigureAwait(false) is JsonObject { } m && m["messages"] is not null, mailUrl, "Mailpit's API (api/v1/messages)");
                break;
            case MailAccessKind.MailHog:
                Expect(await GetJsonAsync("--mail-url", new Uri(endpoint, "api/v2/messages?limit=1"), "MailHog's API", cancellationToken).ConfigureAwait(false) is JsonObject { } h && h["items"] is not null, mailUrl, "MailHog's API (api/v2/messages)");
                break;
            case MailAccessKind.Courier:
                Expect(await GetJsonAsync("--mail-url", new Uri(endpoint, "admin/courier/messages?page_size=1"), "Kratos's courier API", cancellationToken).ConfigureAwait(false) is JsonArray, mailUrl, "Kratos's courier API (admin/courier/messages on the admin port)");
                break;
        }
    }

    public async Task UiAsync(Uri uiUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uiUrl);
        using var response = await SendAsync("--ui-url", uiUrl, "your login UI", cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            throw new CliException($"--ui-url {uiUrl}: GET answered {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType ?? "(no content type)"}, not an HTML page. Give the URL your login UI is served at.");
        }
    }

    private static void Expect(bool ok, string mailUrl, string what)
    {
        if (!ok)
        {
            throw new CliException($"--mail-url {mailUrl}: the answer is not {what}. Check the scheme (smtp4dev+http, mailpit+http, mailhog+http, courier+http) and the port.");
        }
    }

    private async Task GreetingAsync(MailAccessUri access, CancellationToken cancellationToken)
    {
        var host = access.Endpoint.Host;
        var port = access.Endpoint.Port;
        var security = access.Endpoint.Scheme.EndsWith('s') ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.None;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline.Limit);
        try
        {
            if (access.Kind == MailAccessKind.Imap)
            {
                using var imap = new ImapClient { Timeout = (int)deadline.Limit.TotalMilliseconds };
                await imap.ConnectAsync(host, port, security, limit.Token).ConfigureAwait(false);
                await imap.DisconnectAsync(true, limit.Token).ConfigureAwait(false);
            }
            else
            {
                using var pop3 = new Pop3Client { Timeout = (int)deadline.Limit.TotalMilliseconds };
                await pop3.ConnectAsync(host, port, security, limit.Token).ConfigureAwait(false);
                await pop3.DisconnectAsync(true, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.SslHandshakeException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var what = access.Kind == MailAccessKind.Imap ? "IMAP" : "POP3";
            var why = e is OperationCanceledException ? deadline.Expired + " passed without a greeting" : e.Message;
            throw new CliException($"--mail-url {access}: no {what} server greets at {host}:{port} ({why}). Check the host, the port and that the mail server runs.");
        }
    }

    private async Task<JsonNode?> GetJsonAsync(string option, Uri url, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(option, url, what, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"{option}: GET {url} answered {(int)response.StatusCode}; {what} answers 200 there. Check that the URL is {what}'s.");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new CliException($"{option}: GET {url} answered something that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}), so this is not {what}. Check the URL and the port.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string option, Uri url, string what, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline.Limit);
        try
        {
            return await http.GetAsync(url, limit.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"{option}: nothing answers at {url} ({e.Message}). Check the URL and that {what} runs.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"{option}: {url} did not answer within {deadline.Expired}.");
        }
    }
}
