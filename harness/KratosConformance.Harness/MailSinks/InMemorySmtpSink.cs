using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KratosConformance.Client.Mail;
using MimeKit;

namespace KratosConformance.Harness.MailSinks;

/// <summary>
/// An SMTP server on 127.0.0.1 that keeps what it receives in this process and is its own mailbox reader: for the
/// project's own series of in-process runs (kill matrix, versions), where smtp4dev's cost per mail (storing, indexing,
/// notifying, answering each listing) was the largest part of the runs' CPU. Mail still goes the whole way: the
/// double's courier sends it over SMTP, and it is parsed from its MIME source, as the IMAP and POP3 readers parse it.
/// Users' runs and the self-tests keep reading smtp4dev, Mailpit or MailHog.
/// </summary>
public sealed class InMemorySmtpSink : IMailboxReader
{
    private static readonly TimeSpan FallbackInterval = TimeSpan.FromMilliseconds(250);
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<StoredMail> _mails = new();
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();
    private readonly Task _accepting;
    private TaskCompletionSource _changed = NewSignal();
    private long _sequence;

    private InMemorySmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>courier.smtp.connection_uri for this sink (plain SMTP, no STARTTLS offered).</summary>
    public string SmtpUri => $"smtp://127.0.0.1:{Port}/?disable_starttls=true";

    public string Description => $"in-memory SMTP sink at 127.0.0.1:{Port}";

    /// <summary>Listens on a port the system picks, so no other process can take it between choosing and binding.</summary>
    public static InMemorySmtpSink Start() => new();

    /// <summary>Forgets every mail: between runs, so a run's listings hold only its own mail.</summary>
    public void Clear() => _mails.Clear();

    public Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var wanted = recipient.Trim();
        IReadOnlyList<ReceivedMail> mails = _mails
            .Where(m => m.Recipients.Any(r => string.Equals(r, wanted, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.Mail)
            .ToList();
        return Task.FromResult(mails);
    }

    /// <summary>Woken by every stored mail; the list is re-read every 250 ms as well, as with smtp4dev's hub.</summary>
    public ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new MailboxPace(FallbackInterval, () => Volatile.Read(ref _changed).Task));

    /// <summary>Stores one message of a finished DATA command; the envelope's recipients decide whose mailbox it is in.</summary>
    internal void Store(IReadOnlyList<string> recipients, byte[] source)
    {
        using var stream = new MemoryStream(source, writable: false);
        var message = MimeMessage.Load(stream);
        var id = Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mail = ReceivedMail.FromMime(id, message, DateTimeOffset.UtcNow) with { To = recipients.ToList() };
        _mails.Enqueue(new StoredMail(recipients, mail));
        Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_sessions.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var session = SmtpSession.RunAsync(client, this, cancellationToken);
            _sessions.TryAdd(session, 0);
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // Continuations must not run inline on the session that stored the mail.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record StoredMail(IReadOnlyList<string> Recipients, ReceivedMail Mail);
}
