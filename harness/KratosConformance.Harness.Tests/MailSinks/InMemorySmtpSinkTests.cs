using FluentAssertions;
using KratosConformance.Harness.MailSinks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.MailSinks;

/// <summary>
/// The kill matrix's mail sink must hand the suites what smtp4dev would: every mail MailKit (the double's courier)
/// sends, filed under the envelope's recipients, with its text and HTML parts and its source byte for byte (dot
/// stuffing undone); a wait is woken by the mail, and a cleared sink holds nothing of the run before.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class InMemorySmtpSinkTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_mail_sent_by_MailKit_is_listed_for_its_envelope_recipient_with_both_parts(CancellationToken ct)
    {
        await using var sink = InMemorySmtpSink.Start();

        await SendAsync(sink, "Alice@Example.test", "Use code 123456 to log in", ".a line that starts with a dot\nYour code is 123456", ct);

        var mails = await sink.ListAsync("alice@example.test", ct);
        mails.Should().ContainSingle();
        mails[0].Subject.Should().Be("Use code 123456 to log in");
        mails[0].From.Should().Be("noreply@kratos.test");
        mails[0].TextBody.Should().Contain(".a line that starts with a dot", "a stuffed leading dot is removed again").And.Contain("Your code is 123456");
        mails[0].HtmlBody.Should().Contain("<b>123456</b>");
        (await sink.ListAsync("bob@example.test", ct)).Should().BeEmpty("mail is filed by recipient");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_waiting_reader_is_woken_by_the_mail_and_a_cleared_sink_lists_nothing(CancellationToken ct)
    {
        await using var sink = InMemorySmtpSink.Start();
        var pace = await sink.PaceAsync(ct);
        var woken = pace.NextChange!();

        woken.IsCompleted.Should().BeFalse();
        await SendAsync(sink, "carol@example.test", "first", "one", ct);
        await woken.WaitAsync(ct);
        await SendAsync(sink, "carol@example.test", "second", "two", ct);
        (await sink.ListAsync("carol@example.test", ct)).Select(m => m.Subject).Should().Equal("first", "second");

        sink.Clear();
        (await sink.ListAsync("carol@example.test", ct)).Should().BeEmpty();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_connection_that_ends_inside_DATA_stores_nothing(CancellationToken ct)
    {
        await using var sink = InMemorySmtpSink.Start();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", sink.Port, ct);
        var stream = tcp.GetStream();
        var commands = "EHLO test\r\nMAIL FROM:<noreply@kratos.test>\r\nRCPT TO:<dave@example.test>\r\nDATA\r\nSubject: cut\r\n\r\nhalf a mail\r\n"u8.ToArray();
        await stream.WriteAsync(commands, ct);
        tcp.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        // The sink answers what it read, then closes its side once the session ended: reading to the end waits for that.
        using var reader = new StreamReader(stream);
        var answers = await reader.ReadToEndAsync(ct);

        answers.Should().Contain("354", "DATA was accepted").And.NotContain("250 2.0.0 OK queued", "the mail never ended with a lone dot");
        (await sink.ListAsync("dave@example.test", ct)).Should().BeEmpty("a mail the client never finished is not a mail");
    }

    [Test]
    public async Task Its_connection_uri_names_plain_SMTP_on_its_own_loopback_port()
    {
        await using var sink = InMemorySmtpSink.Start();

        sink.SmtpUri.Should().Be($"smtp://127.0.0.1:{sink.Port}/?disable_starttls=true");
        sink.Port.Should().BePositive();
    }

    private static async Task SendAsync(InMemorySmtpSink sink, string to, string subject, string text, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@kratos.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = text },
            new TextPart("html") { Text = "<p>" + text.Replace("123456", "<b>123456</b>", StringComparison.Ordinal) + "</p>" },
        };
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
