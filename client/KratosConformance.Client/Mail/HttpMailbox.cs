using System.Net.Http.Json;
using System.Text.Json;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>
/// What the HTTP sink readers (smtp4dev, Mailpit, MailHog) share: a base URL, an HttpClient that is disposed only if
/// the reader made it, and requests bounded by the "mail sink request" deadline that say which URL answered nothing.
/// Waits are polled at 50 ms unless a reader listens to its sink's events.
/// </summary>
public abstract class HttpMailbox : IMailboxReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly bool _ownsHttp;

    /// <param name="baseUrl">The API root; a missing trailing slash is added so relative paths resolve below it.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    /// <param name="patience">Scales the request deadline.</param>
    protected HttpMailbox(Uri baseUrl, HttpClient? httpClient, Patience? patience)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _ownsHttp = httpClient is null;
        Http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        RequestDeadline = MailboxDeadlines.Request(patience);
    }

    public Uri BaseUrl { get; }

    public abstract string Description { get; }

    protected HttpClient Http { get; }

    /// <summary>How long one request to the sink may take.</summary>
    protected Deadline RequestDeadline { get; }

    public abstract Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default);

    public virtual ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(MailboxPace.Polled);

    public virtual ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            Http.Dispose();
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>GET <paramref name="url"/> as JSON within the request deadline; an empty body is an error naming the URL.</summary>
    protected Task<T> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken) =>
        RequestDeadline.RunAsync(
            $"GET {url}",
            async ct => await Http.GetFromJsonAsync<T>(url, Json, ct).ConfigureAwait(false) ?? throw new InvalidDataException($"GET {url} returned no JSON body."),
            cancellationToken);

    /// <summary>GET <paramref name="url"/> as text within the request deadline.</summary>
    protected Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken) =>
        RequestDeadline.RunAsync($"GET {url}", ct => Http.GetStringAsync(url, ct), cancellationToken);
}
