using System.Diagnostics;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The courier over SMTP (courier/smtp_channel.go), its worker (courier/courier.go: pulls every
/// courier.worker.pull_wait, abandons a message whose send_count exceeds courier.message_retries) and its admin API
/// (courier/handler.go).
/// </summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class CourierTests(DoubleStore store)
{
    /// <summary>The courier sends on its next pull (pull_wait 1 s or 100 ms here): 10 s is generous at patience 1.</summary>
    private static readonly TimeSpan MailBaseline = TimeSpan.FromSeconds(10);

    private const string FastPull = "\n  worker:\n    pull_wait: 100ms";

    [Test]
    public async Task Login_code_mail_arrives_over_smtp_with_both_parts_and_status_sent()
    {
        await using var sink = new SmtpSink();
        // Kratos's default pull_wait (1 s): the mail leaves on the worker's next pull.
        var yaml = DoubleConfigs.Yaml(smtp: $"smtp://test:secret@127.0.0.1:{sink.Port}/?disable_starttls=true");
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, watchCourier: true, store: store);
        var email = $"mail-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);

        await actor.CreateLoginFlowAsync("aal=aal2");
        var mail = await sink.NextAsync(Patience.For("login-code mail over SMTP", MailBaseline));

        mail.From.Mailboxes.Single().Address.Should().Be("kratos-double@example.com");
        mail.To.Mailboxes.Single().Address.Should().Be(email);
        mail.Subject.Should().MatchRegex("^Use code [0-9]{6} to log in$");
        mail.TextBody.Should().Contain("Login to your account with the following code:").And.Contain("It expires in 60 minutes.");
        mail.HtmlBody.Should().Contain("Login to your account with the following code:");

        var status = await PollStatusAsync(harness, email, "sent");
        status.Should().Be("sent");
    }

    [Test]
    public async Task Unreachable_smtp_abandons_the_message_once_send_count_exceeds_message_retries()
    {
        var yaml = DoubleConfigs.Yaml().Replace("from_address: kratos-double@example.com", "from_address: kratos-double@example.com\n  message_retries: 1" + FastPull, StringComparison.Ordinal);
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, watchCourier: true, store: store);
        var email = $"lost-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        await actor.CreateLoginFlowAsync("aal=aal2");

        (await PollStatusAsync(harness, email, "abandoned")).Should().Be("abandoned");
        var (_, list) = await harness.AdminGetAsync("/admin/courier/messages?recipient=" + email);
        // courier_dispatcher.go: attempt 1 (send_count 1 ≤ 1), attempt 2 (2), then 2 > 1 abandons without a third.
        list![0]!["send_count"]!.GetValue<int>().Should().Be(2);
        list[0]!["dispatches"]!.AsArray().Select(d => d!["status"]!.GetValue<string>()).Should().Equal("failed", "failed");
    }

    [Test]
    public async Task Queued_mails_leave_oldest_first_a_pull_count_at_a_time()
    {
        await using var sink = new SmtpSink();
        var yaml = DoubleConfigs.Yaml(smtp: $"smtp://127.0.0.1:{sink.Port}/?disable_starttls=true")
            .Replace("from_address: kratos-double@example.com", "from_address: kratos-double@example.com" + FastPull + "\n    pull_count: 1", StringComparison.Ordinal);
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, watchCourier: true, store: store);
        var emails = Enumerable.Range(0, 3).Select(i => $"fifo{i}-{Guid.NewGuid():N}@example.com").ToList();
        foreach (var email in emails)
        {
            await harness.CreateIdentityAsync(email);
            using var actor = harness.NewActor();
            await actor.PasswordLoginAsync(email);
            await actor.CreateLoginFlowAsync("aal=aal2");
        }

        var received = new List<string>();
        for (var i = 0; i < emails.Count; i++)
        {
            received.Add((await sink.NextAsync(Patience.For($"queued mail {i + 1} of {emails.Count} over SMTP", MailBaseline))).To.Mailboxes.Single().Address);
        }

        received.Should().Equal(emails, "NextMessages orders the queue by created_at");
    }

    [Test]
    public async Task Courier_api_redacts_body_and_subject_without_dev()
    {
        await using var harness = await DoubleHarness.StartAsync(dev: false, store: store);
        var email = $"red-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        await actor.CreateLoginFlowAsync("aal=aal2");

        var (_, list) = await harness.AdminGetAsync("/admin/courier/messages?recipient=" + email);
        list![0]!["body"]!.GetValue<string>().Should().Be("<redacted-unless-dev-mode>");
        list[0]!["subject"]!.GetValue<string>().Should().Be("<redacted-unless-dev-mode>");
        list[0]!["status"]!.GetValue<string>().Should().Be("queued", "without --watch-courier mail stays queued");
    }

    private static async Task<string?> PollStatusAsync(DoubleHarness harness, string email, string wanted)
    {
        var deadline = Patience.For($"courier status {wanted}", TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        string? seen = null;
        var tries = 0;
        while (clock.Elapsed < deadline.Limit)
        {
            tries++;
            var (_, list) = await harness.AdminGetAsync("/admin/courier/messages?recipient=" + email);
            seen = list?[0]?["status"]?.GetValue<string>();
            if (seen == wanted)
            {
                return seen;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The mail to {email} did not reach courier status {wanted} within {deadline.Expired} ({tries} tries); last saw {seen ?? "<no message>"}.");
    }
}
