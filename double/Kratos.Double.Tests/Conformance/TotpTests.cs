using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>TOTP (§3): enrolment in settings, login at aal2, the time-step window, the credential, AMR and available AAL.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TotpTests
{
    public static IEnumerable<TestCaseData> Styles() =>
        from version in new[] { "v26.2.0", "v25.4.0", "v1.3.1" }
        from style in new[] { ClientStyle.Browser, ClientStyle.Spa, ClientStyle.Native }
        select new TestCaseData(version, style);

    [TestCaseSource(nameof(Styles))]
    public async Task Enrol_then_login_at_aal2_with_a_totp_code(string version, ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Factors(code: false));
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);

        var secret = await Factors.EnrolTotpAsync(actor);
        var enrolled = await actor.WhoamiAsync();
        var login = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        var wrong = await actor.SubmitAsync(login, ("method", "totp"), ("totp_code", "000000"));
        var done = await actor.SubmitAsync(wrong.Body!, ("method", "totp"), ("totp_code", TotpCodes.At(secret)));
        var who = await actor.WhoamiAsync();

        secret.Should().MatchRegex("^[A-Z2-7]{32}$");
        Amr(enrolled.Body).Should().Equal(["password", "totp"], "enrolment adds {totp, aal2} to the session");
        Factors.NodeIds(login).Should().Contain(["totp/totp_code", "totp/method"]);
        FlowJson.MessageIds(wrong.Body).Should().Equal([4000008L], "{0}", wrong);
        Factors.Node(wrong.Body, "totp_code")!["attributes"]!["value"].Should().BeNull("the strategy resets the code input");
        done.Code.Should().Be(style == ClientStyle.Browser ? 303 : 200, "{0}", done);
        who.Body!["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal2");
        Amr(who.Body).Should().Equal(["password", "totp", "totp"]);
    }

    [TestCase(-1, true)]
    [TestCase(0, true)]
    [TestCase(1, true)]
    [TestCase(-2, false)]
    [TestCase(2, false)]
    public async Task Codes_of_the_previous_current_and_next_step_are_accepted(int step, bool accepted)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"window-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        var secret = await Factors.EnrolTotpAsync(actor);

        var login = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        var reply = await actor.SubmitAsync(login, ("method", "totp"), ("totp_code", TotpCodes.At(secret, step)));

        reply.Code.Should().Be(accepted ? 200 : 400, "pquerna/otp validates with skew 1 ({0})", reply);
    }

    [Test]
    public async Task The_admin_api_shows_the_key_url_only_with_include_credential()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var id = (await harness.CreateIdentityAsync(email))["id"]!.GetValue<string>();
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        var secret = await Factors.EnrolTotpAsync(actor);

        var plain = (await harness.AdminGetAsync($"/admin/identities/{id}")).Body!;
        var declassified = (await harness.AdminGetAsync($"/admin/identities/{id}?include_credential=totp")).Body!;

        plain["credentials"]!["totp"]!["config"].Should().BeNull();
        var totp = declassified["credentials"]!["totp"]!;
        totp["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal([id]);
        totp["version"]!.GetValue<int>().Should().Be(0);
        totp["config"]!["totp_url"]!.GetValue<string>().Should().Be(
            $"otpauth://totp/Kratos%20Double:{id}?algorithm=SHA1&digits=6&issuer=Kratos%20Double&period=30&secret={secret}");
    }

    private static List<string> Amr(JsonNode? session) =>
        (session?["authentication_methods"] as JsonArray)?.Select(m => m!["method"]!.GetValue<string>()).ToList() ?? [];
}
