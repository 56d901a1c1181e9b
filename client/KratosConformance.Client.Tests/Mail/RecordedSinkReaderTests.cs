using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Tests.Mail.Recorded;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>Mailpit, MailHog and the courier API cannot run here (no registry, no Go): their readers replay recorded answers.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RecordedSinkReaderTests
{
    private static readonly Uri Base = new("http://127.0.0.1:8025/");
    private static readonly Deadline Second = Deadline.Fixed("login-code mail", TimeSpan.FromSeconds(1));

    [Test]
    public async Task Mailpit_searches_by_to_filters_exactly_and_returns_oldest_first()
    {
        var handler = new RecordedHttpHandler()
            .Answer("/api/v1/search?query=to%3A%22alice%40example.test%22", MailpitResponses.Search)
            .Answer("/api/v1/message/Kd8pQ2nYwB3uJ5tH9xLcRa", MailpitResponses.Message("Kd8pQ2nYwB3uJ5tH9xLcRa", "c1@ory.kratos.sh", "alice@example.test", "111111", "2026-03-20T10:00:00.125Z"))
            .Answer("/api/v1/message/Xq3V7kKdRkS4m2wD6EvP2c", MailpitResponses.Message("Xq3V7kKdRkS4m2wD6EvP2c", "c2@ory.kratos.sh", "Alice@Example.test", "222222", "2026-03-20T10:00:02.250Z"));
        using var http = new HttpClient(handler);
        await using var reader = new MailpitHttpMailbox(Base, http);

        var mails = await reader.ListAsync("alice@example.test");
        var second = await reader.WaitForLoginCodeAsync("ALICE@example.test", 2, KratosVersion.V26_2_0, Second);

        mails.Select(m => m.Subject).Should().Equal("Use code 111111 to log in", "Use code 222222 to log in");
        mails[0].MessageId.Should().Be("c1@ory.kratos.sh");
        mails[0].HtmlBody.Should().Contain("111111");
        second.Code.Should().Be("222222");
        handler.Requests.Should().NotContain(u => u.AbsolutePath.Contains("mAl1cE", StringComparison.Ordinal), "malice@ is not alice@");
    }

    [Test]
    public async Task Mailpit_timeout_lists_nothing_found()
    {
        using var http = new HttpClient(new RecordedHttpHandler().Answer("/api/v1/search", MailpitResponses.Empty));
        await using var reader = new MailpitHttpMailbox(Base, http);

        var act = () => reader.WaitForMailsAsync("bob@example.test", 1, Deadline.Fixed("login-code mail", TimeSpan.FromMilliseconds(120)));

        (await act.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should()
            .MatchRegex(@"^Expected 1 mail\(s\) to bob@example\.test within the login-code mail deadline \(120 ms at patience 1; raise it with --patience 2 \(or KC_PATIENCE=2\)\), but the mailbox held 0 mail\(s\) for the address\. "
                + @"Nothing reached the mailbox: check courier\.smtp\.connection_uri, that Kratos's courier runs \(--watch-courier\), and the Kratos log\.\r?\n"
                + @"Mail to bob@example\.test \(Mailpit over HTTP at 127\.0\.0\.1:8025, \d+ look\(s\) in \d+ ms\): none\.$");
    }

    [Test]
    public async Task MailHog_decodes_the_raw_mime_and_filters_exactly()
    {
        var json = MailHogResponses.Search(
            ("c2@mailhog.example", "alice@example.test", "Login to your account", KratosLoginCodeMails.LegacyText("222222"), "2026-03-20T10:00:02.25Z"),
            ("m1@mailhog.example", "malice@example.test", "Login to your account", KratosLoginCodeMails.LegacyText("999999"), "2026-03-20T10:00:01.5Z"),
            ("c1@mailhog.example", "alice@example.test", "Login to your account", KratosLoginCodeMails.LegacyText("111111"), "2026-03-20T10:00:00.125Z"));
        var handler = new RecordedHttpHandler().Answer("/api/v2/search?kind=to&query=alice%40example.test", json);
        using var http = new HttpClient(handler);
        await using var reader = new MailHogHttpMailbox(Base, http);

        var mails = await reader.ListAsync("alice@example.test");
        var first = await reader.WaitForLoginCodeAsync("alice@example.test", 1, KratosVersion.V1_3_1, Second);

        mails.Select(m => m.Id).Should().Equal("c1@mailhog.example", "c2@mailhog.example");
        mails[0].TextBody.Should().Contain("please login to your account by entering the following code:");
        mails[0].HtmlBody.Should().NotBeNull();
        first.Code.Should().Be("111111");
    }

    [Test]
    public async Task Courier_api_in_dev_mode_reads_subject_and_body()
    {
        var handler = new RecordedHttpHandler().Answer("/admin/courier/messages?recipient=alice%40example.test", CourierResponses.Dev);
        using var http = new HttpClient(handler);
        await using var reader = new CourierApiMailbox(new Uri("http://127.0.0.1:4434/admin/"), http);

        var latest = await reader.WaitForLoginCodeAsync("alice@example.test", 2, KratosVersion.V26_2_0, Second);
        var mails = await reader.ListAsync("alice@example.test");

        latest.Code.Should().Be("222222");
        mails.Select(m => m.Subject).Should().Equal("Use code 111111 to log in", "Use code 222222 to log in");
        mails[0].HtmlBody.Should().BeNull("Kratos keeps only the text body");
        handler.Requests[0].AbsolutePath.Should().Be("/admin/courier/messages");
    }

    [Test]
    public async Task Courier_api_lists_only_messages_the_courier_sent()
    {
        using var http = new HttpClient(new RecordedHttpHandler().Answer("/admin/courier/messages?recipient=", CourierResponses.Mixed));
        await using var reader = new CourierApiMailbox(new Uri("http://127.0.0.1:4434/"), http);

        var mails = await reader.ListAsync("alice@example.test");

        mails.Select(m => m.Subject).Should().Equal(["Use code 222222 to log in"], "queued, processing and abandoned messages never reached the recipient");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Courier_api_never_takes_an_abandoned_message_for_a_delivered_one(CancellationToken ct)
    {
        var handler = new RecordedHttpHandler()
            .Answer("/admin/courier/messages?recipient=", CourierResponses.Abandoned)
            .Answer("/admin/courier/messages/7d3c2b1a-0000-4000-8000-000000000001", CourierResponses.AbandonedDetail);
        using var http = new HttpClient(handler);
        await using var reader = new CourierApiMailbox(new Uri("http://127.0.0.1:4434/"), http);

        var act = () => reader.WaitForLoginCodeAsync("alice@example.test", 1, KratosVersion.V26_2_0, Deadline.Fixed("login-code mail", TimeSpan.FromHours(1)), null, ct);

        var e = (await act.Should().ThrowAsync<MailWillNotArriveException>()).Which;
        e.Seen.Should().BeEmpty();
        e.Message.Should().Contain("last error: failed to send email via smtp: dial tcp 127.0.0.1:1: connect: connection refused");
    }

    [Test]
    public async Task Courier_api_without_dev_mode_says_how_to_fix_it()
    {
        using var http = new HttpClient(new RecordedHttpHandler().Answer("/admin/courier/messages", CourierResponses.Redacted));
        await using var reader = new CourierApiMailbox(new Uri("http://127.0.0.1:4434"), http);

        var act = () => reader.WaitForLoginCodeAsync("alice@example.test", 1, KratosVersion.V26_2_0, Second);

        (await act.Should().ThrowAsync<CourierMessagesRedactedException>()).Which.Message.Should().Be(
            "Kratos's courier API at http://127.0.0.1:4434/ redacts mail subject and body (\"<redacted-unless-dev-mode>\") for alice@example.test, "
            + "so the login code cannot be read from it: start Kratos with --dev or use another mail access "
            + "(e.g. --mail-url smtp4dev+http://127.0.0.1:5000 or imap://127.0.0.1:143).");
    }
}
