using KratosConformance.Client.Waiting;
using MailKit.Net.Pop3;

namespace KratosConformance.Client.Mail;

/// <summary>
/// Reads any POP3 server through MailKit. POP3 shows the mailbox as it was at login (RFC 1939 §8), so every read
/// logs in afresh; mails already seen are recognised by UIDL and not downloaded again. POP3 has no recipient search:
/// each new mail is downloaded once and filtered here. Waits poll every 50 ms.
/// </summary>
public sealed class Pop3Mailbox(MailServerCredentials server, Patience? patience = null) : MailKitMailbox<Pop3Client>(server, patience)
{
    public override string Description => $"POP3 at {Server}";

    protected override async Task<IReadOnlyList<ReceivedMail>> ListUnguardedAsync(string recipient, CancellationToken cancellationToken)
    {
        // A new session is the only way to see mail that arrived after the last login.
        await DropAsync().ConfigureAwait(false);
        var fresh = new Pop3Client();
        Client = fresh;
        await fresh.ConnectAsync(Server.Host, Server.Port, Server.Security, cancellationToken).ConfigureAwait(false);
        await fresh.AuthenticateAsync(Server.UserName, Server.Password, cancellationToken).ConfigureAwait(false);
        Connects++;

        var hasUidl = (fresh.Capabilities & Pop3Capabilities.UIDL) != 0;
        var uids = hasUidl ? await fresh.GetMessageUidsAsync(cancellationToken).ConfigureAwait(false) : null;
        var mails = new List<ReceivedMail>(fresh.Count);
        for (var index = 0; index < fresh.Count; index++)
        {
            var key = uids?[index];
            if (key is null || !Fetched.TryGetValue(key, out var mail))
            {
                var message = await fresh.GetMessageAsync(index, cancellationToken).ConfigureAwait(false);
                mail = MimeMail.ToReceivedMail(key ?? $"#{index + 1}", message, message.Date);
                if (key is not null)
                {
                    mail = Fetched.GetOrAdd(key, mail);
                }
            }

            mails.Add(mail);
        }

        // Maildrop order is arrival order.
        return MailAddresses.For(mails, recipient);
    }
}
