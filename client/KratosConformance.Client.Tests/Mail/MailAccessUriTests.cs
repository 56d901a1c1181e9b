using FluentAssertions;
using KratosConformance.Client.Mail;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

[Parallelizable(ParallelScope.All)]
public sealed class MailAccessUriTests
{
    [TestCase("imap://127.0.0.1:1143", MailAccessKind.Imap, typeof(ImapMailbox), "IMAP at 127.0.0.1:1143")]
    [TestCase("pop3://127.0.0.1:1110", MailAccessKind.Pop3, typeof(Pop3Mailbox), "POP3 at 127.0.0.1:1110")]
    [TestCase("mailpit+http://127.0.0.1:8025", MailAccessKind.Mailpit, typeof(MailpitHttpMailbox), "Mailpit over HTTP at 127.0.0.1:8025")]
    [TestCase("mailhog+http://localhost:8025", MailAccessKind.MailHog, typeof(MailHogHttpMailbox), "MailHog over HTTP at localhost:8025")]
    [TestCase("SMTP4DEV+HTTP://127.0.0.1:5000", MailAccessKind.Smtp4dev, typeof(Smtp4devHttpMailbox), "smtp4dev over HTTP at 127.0.0.1:5000")]
    [TestCase("courier+http://127.0.0.1:4434/admin", MailAccessKind.Courier, typeof(CourierApiMailbox), "Kratos courier admin API at 127.0.0.1:4434")]
    public async Task Valid_forms_give_their_reader(string value, MailAccessKind kind, Type readerType, string description)
    {
        var uri = MailAccessUri.Parse(value);
        await using var reader = uri.CreateReader();

        uri.Kind.Should().Be(kind);
        reader.Should().BeOfType(readerType);
        reader.Description.Should().Be(description);
    }

    [Test]
    public void Http_forms_keep_host_and_port_and_drop_the_sink_prefix()
    {
        MailAccessUri.Parse("mailpit+http://127.0.0.1:8025").Endpoint.Should().Be(new Uri("http://127.0.0.1:8025/"));
        MailAccessUri.Parse("courier+https://kratos.example:4434").Endpoint.Should().Be(new Uri("https://kratos.example:4434/"));
    }

    [Test]
    public void Credentials_are_hidden_when_printed()
    {
        MailAccessUri.Parse("imap://me:secret@127.0.0.1:993").ToString().Should().Be("imap://***@127.0.0.1:993");
    }

    [TestCase("", "it is empty")]
    [TestCase("127.0.0.1:5000", "it has no scheme (such as imap:// or smtp4dev+http://)")]
    [TestCase("smtp://127.0.0.1:25", "the scheme 'smtp' is not known")]
    [TestCase("mailpit+http://127.0.0.1", "the port is missing (write host:port; no port is assumed)")]
    [TestCase("imap://127.0.0.1", "the port is missing (write host:port; no port is assumed)")]
    [TestCase("imap://:143", "the host is missing or malformed")]
    [TestCase("pop3://127.0.0.1:110/INBOX", "IMAP and POP3 URLs take no path (INBOX is always read)")]
    public void Bad_values_name_the_value_the_problem_the_valid_forms_and_an_example(string value, string problem)
    {
        var act = () => MailAccessUri.Parse(value);

        act.Should().Throw<MailAccessUriException>().Which.Message.Should().Be(
            $"'{value}' is not a mail access URL: {problem}. Valid forms: imap://host:port, pop3://host:port (optionally user:password@ and imaps:// or pop3s://), "
            + "mailpit+http://host:port, mailhog+http://host:port, smtp4dev+http://host:port, courier+http://<kratos admin host:port>. "
            + "Example: smtp4dev+http://127.0.0.1:5000");
    }

    [Test]
    public void The_exception_is_an_argument_exception()
    {
        MailAccessUri.TryParse("nope", out var uri).Should().BeFalse();
        uri.Should().BeNull();
        typeof(MailAccessUriException).Should().BeDerivedFrom<ArgumentException>();
    }
}
