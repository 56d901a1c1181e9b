using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Security;

namespace KratosConformance.Client.Mail;

/// <summary>
/// What the MailKit readers (IMAP, POP3) share: one connection at a time behind a semaphore (both protocols take one
/// command at a time per connection), a broken connection replaced once per call, and mails downloaded once and
/// remembered by their server key. Subclasses say how one read is done.
/// </summary>
public abstract class MailKitMailbox<TClient> : IMailboxReader
    where TClient : MailService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected MailKitMailbox(MailServerCredentials server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
    }

    public abstract string Description { get; }

    /// <summary>How often a connection was (re)opened.</summary>
    public int Connects { get; protected set; }

    protected MailServerCredentials Server { get; }

    /// <summary>Mails already downloaded, by server key (IMAP UIDVALIDITY:UID, POP3 UIDL).</summary>
    protected ConcurrentDictionary<string, ReceivedMail> Fetched { get; } = new();

    /// <summary>The open connection, if any; only touched under the gate.</summary>
    protected TClient? Client { get; set; }

    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
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
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(string recipient, int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        MailWait.ForMailsAsync(this, recipient, count, timeout, Waiting.PollOptions.DefaultInterval, null, cancellationToken);

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
