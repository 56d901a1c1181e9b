using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>Differences between emulated versions (kratos-mfa-spec.md §7) and the expiry rules of §2.12.</summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class VersionBehaviourTests(DoubleStore store)
{
    private async Task<(DoubleHarness Harness, Actor Actor, string Email)> LoggedInAsync(string version, string? yaml = null, string[]? deviations = null)
    {
        var harness = await DoubleHarness.StartAsync(version, deviations, yaml, store: store);
        var email = $"v-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        return (harness, actor, email);
    }

    [TestCase("v25.4.0", null, new long[] { 1010003, 1010004 })]
    [TestCase("v25.4.0", Deviations.RefreshMissing1010003, new long[] { 1010004 })]
    [TestCase("v25.4.0", Deviations.Aal2Missing1010004, new long[] { 1010003 })]
    [TestCase("v1.3.1", null, new long[] { 1010003, 1010004 })]
    public async Task Refresh_aal2_flow_without_auto_send_shows_1010003_and_1010004(string version, string? deviation, long[] expected)
    {
        var (harness, actor, _) = await LoggedInAsync(version, deviations: deviation is null ? null : [deviation]);
        await using var _h = harness;
        using var _a = actor;
        var flow = await actor.CreateLoginFlowAsync("aal=aal2&refresh=true");
        flow.Body!["state"]!.GetValue<string>().Should().Be("choose_method", "{0} never auto-sends", version);
        FlowJson.MessageIds(flow.Body).Should().Equal(expected);
    }

    [TestCase("v26.2.0", "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.", "Use code ")]
    [TestCase("v25.4.0", "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.", "Use code ")]
    [TestCase("v1.3.1", "An email containing a code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and retry the login.", "Login to your account")]
    public async Task Code_sent_text_and_mail_subject_follow_the_version(string version, string text, string subjectStart)
    {
        var (harness, actor, email) = await LoggedInAsync(version);
        await using var _h = harness;
        using var _a = actor;
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        if (flow["state"]!.GetValue<string>() == "choose_method")
        {
            flow = (await actor.SubmitAsync(flow, ("address", email))).Body!;
        }

        flow["ui"]!["messages"]![0]!["text"]!.GetValue<string>().Should().Be(text);
        var (_, mails) = await harness.AdminGetAsync("/admin/courier/messages?recipient=" + email);
        mails![0]!["subject"]!.GetValue<string>().Should().StartWith(subjectStart);
        mails[0]!["template_type"]!.GetValue<string>().Should().Be("login_code_valid");
    }

    [TestCase("v25.4.0", 400, 4000001)]
    [TestCase("v1.3.1", 400, 4010008)]
    public async Task Max_submissions_is_configurable_from_v25_4_0(string version, int status, long message)
    {
        var yaml = DoubleConfigs.Yaml().Replace("      mfa_enabled: true", "      mfa_enabled: true\n      config:\n        max_submissions: 2", StringComparison.Ordinal);
        var (harness, actor, email) = await LoggedInAsync(version, yaml);
        await using var _h = harness;
        using var _a = actor;
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        flow = (await actor.SubmitAsync(flow, ("address", email))).Body!;
        Reply last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await actor.SubmitAsync(flow, ("method", "code"), ("code", "000000"));
        }

        last.Code.Should().Be(status);
        FlowJson.MessageIds(last.Body).Should().Equal(message);
    }

    [TestCase(null, 400, 4000001L)]
    [TestCase(Deviations.ExpiredCodeAccepted, 200, -1L)]
    public async Task Expired_code_on_aal2_flow_reports_the_valid_session(string? deviation, int status, long message)
    {
        // §2.12 [C]: ≤ v26.2.0 the replacement aal1 flow fails with "valid session", written onto the old flow.
        var yaml = DoubleConfigs.Yaml().Replace("      mfa_enabled: true", "      mfa_enabled: true\n      config:\n        lifespan: 1ns", StringComparison.Ordinal);
        var (harness, actor, email) = await LoggedInAsync("v26.2.0", yaml, deviation is null ? null : [deviation]);
        await using var _h = harness;
        using var _a = actor;
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        var code = (await harness.CodesForAsync(email))[0];
        var reply = await actor.SubmitAsync(flow, ("method", "code"), ("code", code));
        reply.Code.Should().Be(status, "{0}", reply);
        if (message > 0)
        {
            FlowJson.MessageIds(reply.Body).Should().Equal(message);
            reply.Body!["ui"]!["messages"]![0]!["text"]!.GetValue<string>().Should().StartWith("A valid session was detected");
        }
    }
}
