using System.Collections.Concurrent;
using KratosConformance.Client.Waiting;
using Microsoft.AspNetCore.SignalR.Client;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads smtp4dev (3.15) over its REST API: the mailbox's list, each mail's MIME source once. Waits are event-driven: smtp4dev's SignalR hub /hubs/notifications sends
/// <c>messageschanged(mailboxName)</c> when a mail is stored, and that wakes the wait at once; the list is still
/// re-read every 250 ms in case a notification is lost or the hub cannot be reached.
/// </summary>
public sealed class Smtp4devHttpMailbox : HttpMailbox
{
    private static readonly TimeSpan FallbackInterval = TimeSpan.FromMilliseconds(250);
    private readonly bool _useNotifications;
    private readonly ConcurrentDictionary<string, ReceivedMail> _fetched = new();
    private readonly ChangeSignal _changes = new();
    private readonly FreshListing<MessagePage> _listing;
    private readonly SemaphoreSlim _hubGate = new(1, 1);
    private HubConnection? _hub;
    private bool _hubFailed;

    /// <param name="baseUrl">smtp4dev's web root, e.g. http://127.0.0.1:5000/.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller.</param>
    /// <param name="useNotifications">False polls at 50 ms instead of listening to the SignalR hub.</param>
    /// <param name="patience">Scales the request deadline.</param>
    public Smtp4devHttpMailbox(Uri baseUrl, HttpClient? httpClient = null, bool useNotifications = true, Patience? patience = null)
        : base(baseUrl, httpClient, patience)
    {
        _useNotifications = useNotifications;
        // Every mail of the mailbox, filtered here: one listing serves every recipient waited for at the same time.
        // (searchTerms would filter in smtp4dev, but per recipient, so one listing per waiting test and wake-up.) The
        // mailbox is bounded by smtp4dev's messagestokeep (100 unless set).
        _listing = new FreshListing<MessagePage>(ct => GetJsonAsync<MessagePage>(new Uri(BaseUrl, "api/messages?pageSize=100000"), ct));
    }

    public override string Description => $"smtp4dev over HTTP at {BaseUrl.Authority}";

    public override async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var page = await _listing.NextAsync(cancellationToken).ConfigureAwait(false);
        var matching = page.Results
            .Where(s => s.To.Concat(s.DeliveredTo is null ? [] : [s.DeliveredTo])
                .Any(to => string.Equals(MailAddresses.Bare(to), recipient.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var mails = new List<ReceivedMail>(matching.Count);
        foreach (var summary in matching)
        {
            mails.Add(await GetAsync(summary, cancellationToken).ConfigureAwait(false));
        }

        return MailWait.OldestFirst(mails);
    }

    /// <summary>Woken by the hub's messageschanged, re-read every 250 ms in case a notification is lost; 50 ms polls without the hub.</summary>
    public override async ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default)
    {
        var listening = _useNotifications && await EnsureHubAsync(cancellationToken).ConfigureAwait(false);
        return listening ? new MailboxPace(FallbackInterval, _changes.Next) : MailboxPace.Polled;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync().ConfigureAwait(false);
        }

        _hubGate.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // Stored mails never change, so each is fetched once, as its MIME source (one request, parsed as the IMAP and POP3
    // readers parse theirs); a wait then costs one shared listing per wake-up.
    private async Task<ReceivedMail> GetAsync(MessageSummary summary, CancellationToken cancellationToken)
    {
        if (_fetched.TryGetValue(summary.Id, out var known))
        {
            return known;
        }

        var url = new Uri(BaseUrl, $"api/messages/{Uri.EscapeDataString(summary.Id)}/raw");
        var message = await RequestDeadline.RunAsync(
            $"GET {url}",
            async ct =>
            {
                await using var source = await Http.GetStreamAsync(url, ct).ConfigureAwait(false);
                return await MimeKit.MimeMessage.LoadAsync(source, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        var parsed = MimeMail.ToReceivedMail(summary.Id, message, summary.ReceivedDate);
        // The envelope's recipients, as smtp4dev lists them (a Bcc is in no header).
        var mail = parsed with { To = summary.To.Select(MailAddresses.Bare).ToList() };
        return _fetched.GetOrAdd(summary.Id, mail);
    }

    /// <summary>Connects once; a hub that cannot be reached degrades to 50 ms polling rather than failing the wait.</summary>
    private async Task<bool> EnsureHubAsync(CancellationToken cancellationToken)
    {
        if (_hub is not null || _hubFailed)
        {
            return _hub is not null;
        }

        await _hubGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_hub is not null || _hubFailed)
            {
                return _hub is not null;
            }

            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(BaseUrl, "hubs/notifications"))
                .WithAutomaticReconnect()
                .Build();
            // 3.15 sends the mailbox name as the one argument (checked against a running 3.15.0).
            connection.On<string>("messageschanged", _ => _changes.Pulse());
            try
            {
                await RequestDeadline.RunAsync("connecting to smtp4dev's notification hub", connection.StartAsync, cancellationToken).ConfigureAwait(false);
                _hub = connection;
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException or DeadlineExpiredException)
            {
                _hubFailed = true;
                await connection.DisposeAsync().ConfigureAwait(false);
                return false;
            }
        }
        finally
        {
            _hubGate.Release();
        }
    }

    private sealed record MessagePage(List<MessageSummary> Results);

    private sealed record MessageSummary(string Id, string? From, List<string> To, string? DeliveredTo, string? Subject, DateTimeOffset ReceivedDate);

}
