using KratosConformance.Client.Waiting;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads INBOX of any IMAP server through MailKit. One authenticated connection is kept and guarded by a semaphore
/// (IMAP is one command at a time per connection); a broken connection is re-opened once per call. Waits poll with
/// NOOP + SEARCH every 50 ms: NOOP is the portable way to make a server report new mail.
/// </summary>
public sealed class ImapMailbox(MailServerCredentials server, Patience? patience = null) : MailKitMailbox<ImapClient>(server, patience)
{
    public override string Description => $"IMAP at {Server}";

    protected override async Task<IReadOnlyList<ReceivedMail>> ListUnguardedAsync(string recipient, CancellationToken cancellationToken)
    {
        var inbox = await OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        await Client!.NoOpAsync(cancellationToken).ConfigureAwait(false);

        // SEARCH TO narrows the download; servers match substrings, so the exact filter runs after parsing.
        var uids = await inbox.SearchAsync(SearchQuery.ToContains(recipient.Trim()), cancellationToken).ConfigureAwait(false);
        var mails = new List<ReceivedMail>(uids.Count);
        foreach (var uid in uids.OrderBy(u => u.Id))
        {
            var key = $"{inbox.UidValidity}:{uid.Id}";
            if (!Fetched.TryGetValue(key, out var mail))
            {
                var message = await inbox.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
                var summary = await inbox.FetchAsync([uid], MessageSummaryItems.InternalDate, cancellationToken).ConfigureAwait(false);
                var received = summary.FirstOrDefault()?.InternalDate ?? message.Date;
                mail = Fetched.GetOrAdd(key, MimeMail.ToReceivedMail(key, message, received));
            }

            mails.Add(mail);
        }

        // UID order is arrival order; INTERNALDATE only has whole seconds.
        return MailAddresses.For(mails, recipient);
    }

    private async Task<IMailFolder> OpenInboxAsync(CancellationToken cancellationToken)
    {
        if (Client is { IsConnected: true, IsAuthenticated: true } && Client.Inbox.IsOpen)
        {
            return Client.Inbox;
        }

        await DropAsync().ConfigureAwait(false);
        var fresh = new ImapClient();
        try
        {
            await fresh.ConnectAsync(Server.Host, Server.Port, Server.Security, cancellationToken).ConfigureAwait(false);
            await fresh.AuthenticateAsync(Server.UserName, Server.Password, cancellationToken).ConfigureAwait(false);
            await fresh.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        Client = fresh;
        Connects++;
        return fresh.Inbox;
    }
}
