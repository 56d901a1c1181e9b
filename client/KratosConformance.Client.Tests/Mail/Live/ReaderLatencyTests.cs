using System.Diagnostics;
using FluentAssertions;
using KratosConformance.Client.Mail;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail.Live;

/// <summary>
/// How fast each reader notices a mail: from SmtpClient.SendAsync completing to WaitForMailsAsync returning, with the
/// wait already running (as a test waits while Kratos sends). A measurement printed for the report, not a timed assertion.
/// </summary>
[NonParallelizable]
public sealed class ReaderLatencyTests
{
    private const int Mails = 20;

    [TestCase("http")]
    [TestCase("http-polling")]
    [TestCase("imap")]
    [TestCase("pop3")]
    public async Task Median_detection_latency(string access)
    {
        var server = Smtp4devSetUp.Server;
        await using IMailboxReader reader = access switch
        {
            "http" => server.CreateHttpMailbox(),
            "http-polling" => server.CreateHttpMailbox(useNotifications: false),
            "imap" => server.CreateImapMailbox(),
            _ => server.CreatePop3Mailbox(),
        };
        // Warm up connections (hub, IMAP login, JIT) so the first sample measures detection, not set-up.
        await reader.ListAsync("warm-up@example.test");

        var samples = new List<double>();
        for (var i = 0; i < Mails; i++)
        {
            var to = Smtp4devSetUp.NewRecipient("latency");
            var wait = reader.WaitForMailsAsync(to, 1, TimeSpan.FromSeconds(10));
            await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "123456"));
            var sent = Stopwatch.StartNew();
            await wait;
            samples.Add(sent.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        var median = (samples[(Mails / 2) - 1] + samples[Mails / 2]) / 2;
        var line = $"mail detection latency {reader.Description} [{access}]: median {median:0.0} ms, min {samples[0]:0.0} ms, max {samples[^1]:0.0} ms over {Mails} mails";
        await TestContext.Out.WriteLineAsync(line);
        TestContext.Progress.WriteLine(line);
        samples.Should().HaveCount(Mails);
    }
}
