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

    // Newest first, a page at a time: a listing reads back only until it meets a mail it knew that is older than the
    // newest it knew by OutOfOrder (smtp4dev stamps receivedDate on receipt, and concurrent sessions may be stored out
    // of that order by a little).
    private const int PageSize = 200;
    private static readonly TimeSpan OutOfOrder = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, MessageSummary> _summaries = new();
    private DateTimeOffset? _newestKnown;
    private readonly bool _useNotifications;
    private readonly ConcurrentDictionary<string, ReceivedMail> _fetched = new();
    private readonly ChangeSignal _changes = new();
    private readonly FreshListing<IReadOnlyList<MessageSummary>> _listing;
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
        // (searchTerms would filter in smtp4dev, but per recipient, so one listing per waiting test and wake-up.) It is
        // incremental: reading the whole mailbox on every wake-up costs in proportion to what a long run (a mutation
        // run, thousands of mails) has left in it, and slowed such runs past their timeouts.
        _listing = new FreshListing<IReadOnlyList<MessageSummary>>(ListNewAsync);
    }

    public override string Description => $"smtp4dev over HTTP at {BaseUrl.Authority}";

    public override async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var listed = await _listing.NextAsync(cancellationToken).ConfigureAwait(false);
        var matching = listed
            .Where(s => s.To.Concat(s.DeliveredTo is null ? [] : [s.DeliveredTo])
                .Any(to => string.Equals(MailAddresses.Bare(to), recipient.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var mails = new List<ReceivedMail>(matching.Count);
        foreach (var summary in matching)
        {
            if (await GetAsync(summary, cancellationToken).ConfigureAwait(false) is { } mail)
            {
                mails.Add(mail);
            }
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

    /// <summary>
    /// The mails listed so far plus those smtp4dev stored since: pages newest first until one holds a known mail older
    /// than the newest known by <see cref="OutOfOrder"/> (or the mailbox ends). The first listing reads the whole mailbox.
    /// FreshListing runs one listing at a time, so the known set needs no lock of its own.
    /// </summary>
    private async Task<IReadOnlyList<MessageSummary>> ListNewAsync(CancellationToken cancellationToken)
    {
        var horizon = _newestKnown - OutOfOrder;
        for (var page = 1; ; page++)
        {
            var url = new Uri(BaseUrl, $"api/messages?page={page}&pageSize={PageSize}&sortColumn=receivedDate&sortIsDescending=true");
            var results = (await GetJsonAsync<MessagePage>(url, cancellationToken).ConfigureAwait(false)).Results;
            var reachedKnown = false;
            foreach (var summary in results)
            {
                reachedKnown |= horizon is { } h && summary.ReceivedDate < h && _summaries.ContainsKey(summary.Id);
                _summaries.TryAdd(summary.Id, summary);
                _newestKnown = _newestKnown is { } n && n >= summary.ReceivedDate ? n : summary.ReceivedDate;
            }

            if (reachedKnown || results.Count < PageSize)
            {
                return _summaries.Values.ToList();
            }
        }
    }

    // Stored mails never change, so each is fetched once, as its MIME source (one request, parsed as the IMAP and POP3
    // readers parse theirs); a wait then costs one shared listing per wake-up. A mail smtp4dev no longer holds (it keeps
    // messagestokeep, 100 unless set) is gone, as it would be from a full listing: null, and forgotten.
    private async Task<ReceivedMail?> GetAsync(MessageSummary summary, CancellationToken cancellationToken)
    {
        if (_fetched.TryGetValue(summary.Id, out var known))
        {
            return known;
        }

        var url = new Uri(BaseUrl, $"api/messages/{Uri.EscapeDataString(summary.Id)}/raw");
        MimeKit.MimeMessage message;
        try
        {
            message = await RequestDeadline.RunAsync(
                $"GET {url}",
                async ct =>
                {
                    await using var source = await Http.GetStreamAsync(url, ct).ConfigureAwait(false);
                    return await MimeKit.MimeMessage.LoadAsync(source, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            _summaries.TryRemove(summary.Id, out _);
            return null;
        }

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
