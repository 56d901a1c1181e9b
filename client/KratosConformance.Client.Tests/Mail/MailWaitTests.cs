using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Tests.Mail.Recorded;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// The one mail wait's decisions, without a sink or a clock: what ends it at once (a mail in another template, a
/// courier that queued nothing or gave up), and what its timeout says. Waits that must end at once get a deadline of
/// an hour: reaching it would mean they waited, and [CancelAfter] stops the test long before.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class MailWaitTests
{
    private const string Alice = "alice@example.test";
    private static readonly Deadline Never = Deadline.Fixed("login-code mail", TimeSpan.FromHours(1));
    private static readonly Uri Admin = new("http://127.0.0.1:4434/");

    [Test]
    [CancelAfter(60_000)]
    public async Task A_mail_in_another_template_is_reported_at_once_naming_the_template_it_is(CancellationToken ct)
    {
        var mailbox = new FixedMailbox(KratosLoginCodeMails.Received("Login to your account", KratosLoginCodeMails.LegacyText("654321")));

        var act = () => mailbox.WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Never, null, ct);

        var e = (await act.Should().ThrowAsync<LoginCodeNotFoundException>()).Which;
        e.Message.Should().MatchRegex(
            "^" + Escape(
                "Expected login-code mail #1 (login_code_valid v25.4.0+) to alice@example.test, but mail m1 to alice@example.test is not one: "
                + "subject \"Login to your account\" is the login_code_valid v1.1.0–v1.3.1 template, not login_code_valid v25.4.0+ (is the Kratos version right?). "
                + "Reported at once: waiting can not turn it into a login-code mail." + Environment.NewLine
                + "  Expected:  subject \"Use code NNNNNN to log in\", body \"Login to your account with the following code:\" / NNNNNN / \"It expires in N minutes.\"" + Environment.NewLine
                + "  Subject:   \"Login to your account\"" + Environment.NewLine
                + "  Body:      \"Hi,\" / \"please login to your account by entering the following code:\" / \"654321\"" + Environment.NewLine
                + "Mail to alice@example.test (a fixed test mailbox, 1 look(s) in ")
            + @"\d+" + Escape(" ms):" + Environment.NewLine + "  - 00:00:00.000 to=alice@example.test subject=\"Login to your account\" (not a login-code mail: ")
            + ".*$");
        e.Headline.Should().Be("mail is not a login_code_valid v25.4.0+ mail");
        mailbox.Looks.Should().Be(1);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_code_of_the_wrong_length_is_reported_at_once(CancellationToken ct)
    {
        var mailbox = new FixedMailbox(KratosLoginCodeMails.Received("Use code 12345678 to log in", KratosLoginCodeMails.CurrentText("12345678")));

        var act = () => mailbox.WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Never, null, ct);

        (await act.Should().ThrowAsync<LoginCodeNotFoundException>()).Which.Finding.Should()
            .Be("mail m1 to alice@example.test is not one: subject \"Use code 12345678 to log in\" does not match login_code_valid v25.4.0+");
    }

    [Test]
    public async Task The_timeout_names_the_deadline_the_setting_and_every_mail_with_recipient_and_subject()
    {
        var mailbox = new FixedMailbox(KratosLoginCodeMails.Received("Use code 123456 to log in", KratosLoginCodeMails.CurrentText("123456")));
        var deadline = new Patience(0.5).For("login-code mail", TimeSpan.FromMilliseconds(100));

        var act = () => mailbox.WaitForLoginCodeAsync(Alice, 2, KratosVersion.V26_2_0, deadline);

        var e = (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        e.Message.Should().MatchRegex(
            "^" + Escape(
                "Expected login-code mail #2 (login_code_valid v25.4.0+) to alice@example.test within the login-code mail deadline (50 ms at patience 0.5; raise it with --patience 1 (or KC_PATIENCE=1)), "
                + "but the mailbox held 1 login-code mail(s) among 1 mail(s) for the address." + Environment.NewLine
                + "Mail to alice@example.test (a fixed test mailbox, ")
            + @"\d+ look\(s\) in \d+ ms\):" + Escape(Environment.NewLine + "  - 00:00:00.000 to=alice@example.test subject=\"Use code 123456 to log in\" (a login-code mail)") + "$");
        e.Deadline.Should().Be(deadline);
        e.Headline.Should().Be("login-code mail #2 did not arrive");
        e.Seen.Should().ContainSingle();
    }

    [Test]
    public async Task An_empty_mailbox_says_where_to_look()
    {
        var act = () => new FixedMailbox().WaitForMailsAsync("bob@example.test", 1, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(20)));

        (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should().Contain(
            "but the mailbox held 0 mail(s) for the address. Nothing reached the mailbox: check courier.smtp.connection_uri, that Kratos's courier runs (--watch-courier), and the Kratos log."
            + Environment.NewLine + "Mail to bob@example.test (a fixed test mailbox, ");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Nothing_queued_by_Kratos_is_reported_at_once(CancellationToken ct)
    {
        using var http = new HttpClient(new RecordedHttpHandler().Answer("/admin/courier/messages?recipient=alice%40example.test", "[]"));
        var courier = new KratosCourier(Admin, http);

        var act = () => new FixedMailbox().WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Never, courier, ct);

        var e = (await act.Should().ThrowAsync<MailWillNotArriveException>()).Which;
        e.Headline.Should().Be("Kratos queued no message for login-code mail #1");
        e.Message.Should().StartWith(
            "Expected login-code mail #1 (login_code_valid v25.4.0+) to alice@example.test, but Kratos queued only 0 message(s) to alice@example.test, so mail #1 was never sent "
            + "(Kratos queues a code's message before it answers the request that sends the code; waiting can not help). Reported at once, without waiting out the deadline.");
        e.Message.Should().EndWith("Kratos's courier queue lists 0 message(s) to alice@example.test.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_message_abandoned_by_the_courier_is_reported_at_once_with_its_last_error(CancellationToken ct)
    {
        // Kratos's list leaves dispatches out (persister_courier.go ListMessages is not eager): the error is read per message.
        var handler = new RecordedHttpHandler()
            .Answer("/admin/courier/messages?recipient=", CourierResponses.Abandoned)
            .Answer("/admin/courier/messages/7d3c2b1a-0000-4000-8000-000000000001", CourierResponses.AbandonedDetail);
        using var http = new HttpClient(handler);

        var act = () => new FixedMailbox().WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Never, new KratosCourier(Admin, http), ct);

        var e = (await act.Should().ThrowAsync<MailWillNotArriveException>()).Which;
        e.Headline.Should().Be("login-code mail #1 abandoned by Kratos's courier");
        e.Message.Should().Contain("but Kratos's courier abandoned 1 of the 1 message(s) to alice@example.test (abandoned is final; the last error is listed below), so only 0 can still arrive.");
        e.Message.Should().EndWith(
            "  - 10:00:00.000 status=abandoned send_count=5 template=login_code_valid subject=\"Use code 111111 to log in\" last error: "
            + "failed to send email via smtp: dial tcp 127.0.0.1:1: connect: connection refused");
    }

    [Test]
    public async Task A_message_still_queued_keeps_the_wait_going_and_its_state_is_in_the_timeout()
    {
        var handler = new RecordedHttpHandler()
            .Answer("/admin/courier/messages?recipient=", CourierResponses.Retrying)
            .Answer("/admin/courier/messages/7d3c2b1a-0000-4000-8000-000000000002", CourierResponses.RetryingDetail);
        using var http = new HttpClient(handler);

        var act = () => new FixedMailbox().WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(150)), new KratosCourier(Admin, http));

        var e = (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        e.Message.Should().EndWith(
            "Kratos's courier queue lists 1 message(s) to alice@example.test:" + Environment.NewLine
            + "  - 10:00:00.000 status=queued send_count=2 template=login_code_valid last error: failed to send email via smtp: 535 authentication failed");
        handler.Requests.Count(u => u.AbsolutePath.EndsWith("0002", StringComparison.Ordinal)).Should().Be(1, "a message's error is read once per attempt, not once per look");
    }

    [Test]
    public async Task A_courier_that_can_not_be_read_leaves_the_mailbox_the_judge()
    {
        using var http = new HttpClient(new RecordedHttpHandler());

        var act = () => new FixedMailbox().WaitForLoginCodeAsync(Alice, 1, KratosVersion.V26_2_0, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(50)), new KratosCourier(Admin, http));

        (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which.CourierProblem.Should().StartWith("http://127.0.0.1:4434/: Response status code does not indicate success: 404");
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
