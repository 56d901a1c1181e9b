using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail.Live;

/// <summary>Every reader smtp4dev can serve, against the real server, with mail in the shape Kratos sends.</summary>
[TestFixture("http")]
[TestFixture("http-polling")]
[TestFixture("imap")]
[TestFixture("pop3")]
[Parallelizable(ParallelScope.Self)]
public sealed class Smtp4devReaderTests(string access)
{
    /// <summary>Only reached when a reader is broken: mail sent to a local smtp4dev is readable in milliseconds (30 s at KC_PATIENCE 1).</summary>
    private static readonly Deadline Patience = KratosConformance.Harness.Targets.HarnessSettings.FromEnvironment().Patience.For("login-code mail", TimeSpan.FromSeconds(30));
    private IMailboxReader _reader = null!;

    [OneTimeSetUp]
    public void CreateReader() => _reader = access switch
    {
        "http" => Smtp4devSetUp.Server.CreateHttpMailbox(),
        "http-polling" => Smtp4devSetUp.Server.CreateHttpMailbox(useNotifications: false),
        "imap" => Smtp4devSetUp.Server.CreateImapMailbox(),
        "pop3" => Smtp4devSetUp.Server.CreatePop3Mailbox(),
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    [OneTimeTearDown]
    public async Task DisposeReader() => await _reader.DisposeAsync();

    [Test]
    public async Task Reads_a_v26_login_code_mail()
    {
        var to = Smtp4devSetUp.NewRecipient("v26");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "482913"));

        var found = await _reader.WaitForLoginCodeAsync(to.ToLowerInvariant(), 1, KratosVersion.V26_2_0, Patience);

        found.Code.Should().Be("482913");
        found.Mail.Subject.Should().Be("Use code 482913 to log in");
        found.Mail.From.Should().Be(KratosLoginCodeMails.From);
        found.Mail.To.Should().ContainSingle().Which.Should().BeEquivalentTo(to);
        found.Mail.HtmlBody.Should().Contain("482913");
    }

    [Test]
    public async Task Reads_a_v1_3_1_login_code_mail()
    {
        var to = Smtp4devSetUp.NewRecipient("v131");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Legacy(to, "007007"));

        var found = await _reader.WaitForLoginCodeAsync(to, 1, KratosVersion.V1_3_1, Patience);

        found.Code.Should().Be("007007");
        found.Mail.Subject.Should().Be("Login to your account");
    }

    [Test]
    public async Task Filters_by_exact_recipient()
    {
        var to = Smtp4devSetUp.NewRecipient("filter");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current("x" + to, "999999"));
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(Smtp4devSetUp.NewRecipient("other"), "888888"));
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "123123"));

        var mails = await _reader.WaitForMailsAsync(to, 1, Patience);
        var again = await _reader.ListAsync(to.ToUpperInvariant());

        mails.Should().ContainSingle().Which.Subject.Should().Be("Use code 123123 to log in");
        again.Should().ContainSingle();
    }

    [Test]
    public async Task Waits_for_the_nth_login_code_mail_while_mail_arrives()
    {
        var to = Smtp4devSetUp.NewRecipient("nth");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "100001"));
        var third = _reader.WaitForLoginCodeAsync(to, 3, KratosVersion.V26_2_0, Patience);
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "100002"));
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "100003"));

        (await third).Code.Should().Be("100003");
        (await _reader.WaitForLoginCodeAsync(to, 1, KratosVersion.V26_2_0, Patience)).Code.Should().Be("100001", "mails come oldest first");
        (await _reader.ListAsync(to)).Select(m => m.Subject).Should().Equal("Use code 100001 to log in", "Use code 100002 to log in", "Use code 100003 to log in");
    }

    [Test]
    public async Task Timeout_lists_what_the_mailbox_held()
    {
        var to = Smtp4devSetUp.NewRecipient("timeout");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Current(to, "314159"));
        await _reader.WaitForMailsAsync(to, 1, Patience);

        var act = () => _reader.WaitForMailsAsync(to, 2, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(300)));

        var e = (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        e.Message.Should().MatchRegex(
            $@"^Expected 2 mail\(s\) to {Escape(to)} within the login-code mail deadline \(300 ms at patience 1; raise it with --patience 2 \(or KC_PATIENCE=2\)\), but the mailbox held 1 mail\(s\) for the address\.\r?\n"
            + $@"Mail to {Escape(to)} \({Escape(_reader.Description)}, \d+ look\(s\) in \d+ ms\):\r?\n"
            + $@"  - \d\d:\d\d:\d\d\.\d\d\d to={Escape(to)} subject=""Use code 314159 to log in""$");
        e.Seen.Should().ContainSingle();
        e.Tries.Should().BeGreaterThanOrEqualTo(1, "a POP3 round (log in, UIDL, download) can take longer than the whole 300 ms");
    }

    [Test]
    public async Task Timeout_on_an_empty_mailbox_says_where_to_look()
    {
        var act = () => _reader.WaitForMailsAsync(Smtp4devSetUp.NewRecipient("none"), 1, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(200)));

        (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should()
            .Contain("but the mailbox held 0 mail(s) for the address. Nothing reached the mailbox: check courier.smtp.connection_uri, that Kratos's courier runs (--watch-courier), and the Kratos log.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_mail_of_another_version_ends_the_wait_at_once_naming_the_template_it_is(CancellationToken ct)
    {
        var to = Smtp4devSetUp.NewRecipient("wrongversion");
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Legacy(to, "271828"));
        await _reader.WaitForMailsAsync(to, 1, Patience, null, ct);

        var act = () => _reader.WaitForLoginCodeAsync(to, 1, KratosVersion.V26_2_0, Deadline.Fixed("login-code mail", TimeSpan.FromHours(1)), null, ct);

        var e = (await act.Should().ThrowAsync<LoginCodeNotFoundException>()).Which;
        e.Finding.Should().EndWith(
            "is not one: subject \"Login to your account\" is the login_code_valid v1.1.0–v1.3.1 template, not login_code_valid v25.4.0+ (is the Kratos version right?)");
        e.Message.Should().MatchRegex($@"  - \d\d:\d\d:\d\d\.\d\d\d to={Escape(to)} subject=""Login to your account"" \(not a login-code mail: [^\r\n]+\)$");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Another_kind_of_mail_to_the_recipient_ends_a_login_code_wait_at_once(CancellationToken ct)
    {
        var to = Smtp4devSetUp.NewRecipient("verification");
        var wait = _reader.WaitForLoginCodeAsync(to, 1, KratosVersion.V26_2_0, Deadline.Fixed("login-code mail", TimeSpan.FromHours(1)), null, ct);
        await Smtp4devSetUp.SendAsync(KratosLoginCodeMails.Other(to, "Please verify your email address", "Hi, please verify your account by entering the following code:\n\n555555\n"));

        var act = () => wait;

        (await act.Should().ThrowAsync<LoginCodeNotFoundException>()).Which.Finding.Should()
            .EndWith("is not one: subject \"Please verify your email address\" does not match login_code_valid v25.4.0+");
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
