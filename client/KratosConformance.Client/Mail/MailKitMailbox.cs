using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using KratosConformance.Client.Waiting;
using MailKit.Security;

namespace KratosConformance.Client.Mail;

/// <summary>
/// What the MailKit readers (IMAP, POP3) share: one connection at a time behind a semaphore (both protocols take one
/// command at a time per connection), a broken connection replaced once per call, and mails downloaded once and
/// remembered by their server key; one look (connect, log in, search, download) is bounded by the "mail sink request"
/// deadline. Subclasses say how one read is done.
/// </summary>
public abstract class MailKitMailbox<TClient> : IMailboxReader
    where TClient : MailService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected MailKitMailbox(MailServerCredentials server, Patience? patience)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        RequestDeadline = MailboxDeadlines.Request(patience);
    }

    public abstract string Description { get; }

    /// <summary>How often a connection was (re)opened.</summary>
    public int Connects { get; protected set; }

    protected MailServerCredentials Server { get; }

    /// <summary>How long one look at the mailbox may take.</summary>
    protected Deadline RequestDeadline { get; }

    /// <summary>Mails already downloaded, by server key (IMAP UIDVALIDITY:UID, POP3 UIDL).</summary>
    protected ConcurrentDictionary<string, ReceivedMail> Fetched { get; } = new();

    /// <summary>The open connection, if any; only touched under the gate.</summary>
    protected TClient? Client { get; set; }

    public Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        return RequestDeadline.RunAsync($"reading the mail to {recipient} ({Description})", ct => ListGuardedAsync(recipient, ct), cancellationToken);
    }

    /// <summary>IMAP and POP3 have no push that works everywhere: polled at 50 ms.</summary>
    public ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(MailboxPace.Polled);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<IReadOnlyList<ReceivedMail>> ListGuardedAsync(string recipient, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                return await ListUnguardedAsync(recipient, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                await DropAsync().ConfigureAwait(false);
                return await ListUnguardedAsync(recipient, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // A look cut off mid-command leaves the protocol state unknown: the next look starts on a fresh connection,
            // and this one is closed without a goodbye that could hang as long as the command did.
            Client?.Dispose();
            Client = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One read of the mailbox, called under the gate; oldest first, filtered to <paramref name="recipient"/>.</summary>
    protected abstract Task<IReadOnlyList<ReceivedMail>> ListUnguardedAsync(string recipient, CancellationToken cancellationToken);

    /// <summary>Closes and forgets the connection (LOGOUT / QUIT, never deleting anything); a broken one is just dropped.</summary>
    protected async Task DropAsync()
    {
        if (Client is null)
        {
            return;
        }

        try
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync(true).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // The connection is being replaced or closed because it broke: nothing to say goodbye to.
        }

        Client.Dispose();
        Client = null;
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is IOException or SocketException or ServiceNotConnectedException or ProtocolException or ServiceNotAuthenticatedException or FolderNotOpenException;
}
