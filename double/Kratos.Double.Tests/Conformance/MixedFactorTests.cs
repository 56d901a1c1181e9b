using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// An identity with the emailed code, TOTP and backup codes (§6): the aal2 screen offers each (csrf, address, totp,
/// lookup in sort.go's group order), v26.2.0 does not auto-send the code then (§6.2), each factor completes aal2, and
/// highest_available follows what the identity has.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MixedFactorTests
{
    private const string Settings = "      required_aal: aal1\n";

    public static IEnumerable<TestCaseData> Styles() =>
        from version in new[] { "v26.2.0", "v25.4.0", "v1.3.1" }
        from style in new[] { ClientStyle.Browser, ClientStyle.Spa, ClientStyle.Native }
        select new TestCaseData(version, style);

    [TestCaseSource(nameof(Styles))]
    public async Task The_aal2_screen_offers_every_factor_and_each_completes_aal2(string version, ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Factors(Settings));
        var email = $"mixed-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using (var owner = harness.NewActor())
        {
            await owner.PasswordLoginAsync(email);
            await Factors.EnrolTotpAsync(owner);
            var codes = await Factors.EnrolLookupAsync(owner);
            TestContext.Out.WriteLine($"enrolled {codes.Count} backup codes");
        }

        var (offered, flow) = await Aal2ScreenAsync(harness, email, style);
        offered.Should().Equal(["default/csrf_token", "code/address", "totp/totp_code", "totp/method", "lookup_secret/lookup_secret", "lookup_secret/method"]);
        flow["state"]!.GetValue<string>().Should().Be("choose_method", "TOTP and backup codes suppress v26.2.0's code auto-send");
        FlowJson.MessageIds(flow).Should().Equal([1010004L]);

        (await CompleteAsync(harness, email, style, "totp")).Should().Equal(["password", "totp"]);
        (await CompleteAsync(harness, email, style, "lookup_secret")).Should().Equal(["password", "lookup_secret"]);
        (await CompleteAsync(harness, email, style, "code")).Should().Equal(["password", "code"]);
    }

    [TestCase("v26.2.0")]
    [TestCase("v1.3.1")]
    public async Task Highest_available_follows_what_the_identity_has(string version)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Factors(Settings, code: false));
        var email = $"highest-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var owner = harness.NewActor();
        await owner.PasswordLoginAsync(email);
        var before = await WhoamiOfFreshLoginAsync(harness, email);
        await Factors.EnrolTotpAsync(owner);
        var withTotp = await WhoamiOfFreshLoginAsync(harness, email);
        var unlink = (await owner.CreateSettingsFlowAsync()).Body!;
        await owner.SubmitSettingsAsync(unlink, ("method", "totp"), ("totp_unlink", "true"));
        var after = await WhoamiOfFreshLoginAsync(harness, email);

        before.Should().Be(200, "without a second factor aal1 is the highest available");
        withTotp.Should().Be(403, "TOTP raises the available AAL to aal2");
        after.Should().Be(200, "unlinked, the identity is back at aal1");
    }

    private static async Task<int> WhoamiOfFreshLoginAsync(DoubleHarness harness, string email)
    {
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        return (await actor.WhoamiAsync()).Code;
    }

    private static async Task<(List<string> Offered, JsonNode Flow)> Aal2ScreenAsync(DoubleHarness harness, string email, ClientStyle style)
    {
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        return (Factors.NodeIds(flow), flow);
    }

    private static async Task<List<string>> CompleteAsync(DoubleHarness harness, string email, ClientStyle style, string factor)
    {
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        var flow = (await actor.CreateLoginFlowAsync("aal=aal2")).Body!;
        Reply done;
        switch (factor)
        {
            case "totp":
                done = await actor.SubmitAsync(flow, ("method", "totp"), ("totp_code", await CurrentTotpAsync(harness, email)));
                break;
            case "lookup_secret":
                done = await actor.SubmitAsync(flow, ("method", "lookup_secret"), ("lookup_secret", await UnusedBackupCodeAsync(harness, email)));
                break;
            default:
                var sent = await actor.SubmitAsync(flow, ("method", "code"), ("address", email));
                var code = (await harness.CodesForAsync(email))[0];
                done = await actor.SubmitAsync(sent.Body!, ("method", "code"), ("code", code), ("identifier", email));
                break;
        }

        done.Code.Should().Be(style == ClientStyle.Browser ? 303 : 200, "{0} completes aal2 ({1})", factor, done);
        var who = await actor.WhoamiAsync();
        who.Body!["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal2");
        return [.. who.Body!["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>())];
    }

    private static async Task<string> CurrentTotpAsync(DoubleHarness harness, string email)
    {
        var identity = await IdentityAsync(harness, email, "totp");
        var url = identity["credentials"]!["totp"]!["config"]!["totp_url"]!.GetValue<string>();
        return TotpCodes.At(url[(url.IndexOf("secret=", StringComparison.Ordinal) + 7)..]);
    }

    private static async Task<string> UnusedBackupCodeAsync(DoubleHarness harness, string email)
    {
        var identity = await IdentityAsync(harness, email, "lookup_secret");
        return identity["credentials"]!["lookup_secret"]!["config"]!["recovery_codes"]!.AsArray()
            .First(c => c!["used_at"] is null)!["code"]!.GetValue<string>();
    }

    private static async Task<JsonNode> IdentityAsync(DoubleHarness harness, string email, string credential)
    {
        var list = (await harness.AdminGetAsync("/admin/identities?credentials_identifier=" + Uri.EscapeDataString(email))).Body!.AsArray();
        var id = list[0]!["id"]!.GetValue<string>();
        return (await harness.AdminGetAsync($"/admin/identities/{id}?include_credential={credential}")).Body!;
    }
}
