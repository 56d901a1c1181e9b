using System.Diagnostics;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>The courier over SMTP (courier/smtp_channel.go) and its admin API (courier/handler.go).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CourierTests
{
    [Test]
    public async Task Login_code_mail_arrives_over_smtp_quickly_with_both_parts_and_status_sent()
    {
        await using var sink = new SmtpSink();
        var yaml = DoubleConfigs.Yaml(smtp: $"smtp://test:secret@127.0.0.1:{sink.Port}/?disable_starttls=true");
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, watchCourier: true);
        var email = $"mail-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);

        var clock = Stopwatch.StartNew();
        await actor.CreateLoginFlowAsync("aal=aal2");
        var mail = await sink.NextAsync(TimeSpan.FromSeconds(5));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "mail is dispatched on enqueue, not on a poll tick");

        mail.From.Mailboxes.Single().Address.Should().Be("kratos-double@example.com");
        mail.To.Mailboxes.Single().Address.Should().Be(email);
        mail.Subject.Should().MatchRegex("^Use code [0-9]{6} to log in$");
        mail.TextBody.Should().Contain("Login to your account with the following code:").And.Contain("It expires in 60 minutes.");
        mail.HtmlBody.Should().Contain("Login to your account with the following code:");

        var status = await PollStatusAsync(harness, email, "sent");
        status.Should().Be("sent");
    }

    [Test]
    public async Task Unreachable_smtp_abandons_the_message_after_message_retries()
    {
        var yaml = DoubleConfigs.Yaml().Replace("from_address: kratos-double@example.com", "from_address: kratos-double@example.com\n  message_retries: 1", StringComparison.Ordinal);
        await using var harness = await DoubleHarness.StartAsync(yaml: yaml, watchCourier: true);
        var email = $"lost-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        await actor.CreateLoginFlowAsync("aal=aal2");

        (await PollStatusAsync(harness, email, "abandoned")).Should().Be("abandoned");
    }

    [Test]
    public async Task Courier_api_redacts_body_and_subject_without_dev()
    {
        await using var harness = await DoubleHarness.StartAsync(dev: false);
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
        var deadline = Stopwatch.StartNew();
        string? seen = null;
        var tries = 0;
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
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

        throw new TimeoutException($"Waited 5 s ({tries} tries) for courier status {wanted} of the mail to {email}; last saw {seen ?? "<no message>"}.");
    }
}
