using System.Net.Http.Json;
using System.Text.Json;

namespace KratosConformance.Client.Mail;

/// <summary>
/// What the HTTP readers (smtp4dev, Mailpit, MailHog, Kratos's courier API) share: a base URL, an HttpClient that is
/// disposed only if the reader made it, JSON reads that say which URL answered nothing, and waits polled at 50 ms
/// unless a reader listens to its sink's events.
/// </summary>
public abstract class HttpMailbox : IMailboxReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly bool _ownsHttp;

    /// <param name="baseUrl">The API root; a missing trailing slash is added so relative paths resolve below it.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    protected HttpMailbox(Uri baseUrl, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _ownsHttp = httpClient is null;
        Http = httpClient ?? new HttpClient();
    }

    public Uri BaseUrl { get; }

    public abstract string Description { get; }

    protected HttpClient Http { get; }

    public abstract Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default);

    public virtual Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(string recipient, int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        MailWait.ForMailsAsync(this, recipient, count, timeout, Waiting.PollOptions.DefaultInterval, null, cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            Http.Dispose();
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>GET <paramref name="url"/> as JSON; an empty body is an error naming the URL.</summary>
    protected async Task<T> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken) =>
        await Http.GetFromJsonAsync<T>(url, Json, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidDataException($"GET {url} returned no JSON body.");
}
