using System.Net.Http.Json;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using MailKit.Net.Smtp;
using MimeKit;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail.Live;

/// <summary>
/// The HTTP reader lists smtp4dev's mailbox incrementally, a page of 200 at a time, newest first: a mail more than a page
/// deep is still found, on the first listing and after more than a page of new mail has arrived since the last one.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Smtp4devListingTests
{
    private static readonly Deadline Stored = KratosConformance.Harness.Targets.HarnessSettings.FromEnvironment().Patience.For("smtp4dev storing the sent mail", TimeSpan.FromSeconds(60));
    [Test]
    public async Task Finds_mail_deeper_than_a_page_first_and_after_a_page_of_new_mail()
    {
        var early = Smtp4devSetUp.NewRecipient("early");
        await SendManyAsync(early, 230);
        await using var reader = Smtp4devSetUp.Server.CreateHttpMailbox();

        var first = await reader.ListAsync(early);

        var late = Smtp4devSetUp.NewRecipient("late");
        await SendManyAsync(late, 230);
        var second = await reader.ListAsync(late);
        var again = await reader.ListAsync(early);

        first.Should().ContainSingle("the first listing reads the whole mailbox, 230 newer mails deep");
        second.Should().ContainSingle("a later listing pages back until it meets mail it already knew, past 230 new ones");
        again.Should().ContainSingle("mail listed before stays listed");
    }

    // The recipient's mail first, then filler to other addresses: it ends up that many mails deep, newest first. Returns
    // once smtp4dev lists them all (no other test runs beside this one), so the next listing sees every one of them.
    private static async Task SendManyAsync(string recipient, int filler)
    {
        using var http = new HttpClient { BaseAddress = Smtp4devSetUp.Server.HttpBaseUrl };
        var before = await CountAsync(http);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Smtp4devSetUp.Server.Host, Smtp4devSetUp.Server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(KratosLoginCodeMails.Current(recipient, "246810"));
        for (var i = 0; i < filler; i++)
        {
            await smtp.SendAsync(new MimeMessage([MailboxAddress.Parse("no-reply@example.test")], [MailboxAddress.Parse(Smtp4devSetUp.NewRecipient("filler"))], "filler " + i, new TextPart("plain") { Text = "filler" }));
        }

        await smtp.DisconnectAsync(true);
        await Poll.UntilAsync(_ => CountAsync(http), count => count >= before + filler + 1, new PollOptions($"smtp4dev to list the {filler + 1} mails sent", Stored));
    }

    private static async Task<int> CountAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<Page>("api/messages?pageSize=1"))!.RowCount;

    private sealed record Page(int RowCount);
}
