using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>Lookup secrets (§4): the settings state machine, which action wins, login with one code, used and last codes.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LookupTests
{
    public static IEnumerable<TestCaseData> Styles() =>
        from version in new[] { "v26.2.0", "v25.4.0", "v1.3.1" }
        from style in new[] { ClientStyle.Browser, ClientStyle.Spa, ClientStyle.Native }
        select new TestCaseData(version, style);

    [TestCaseSource(nameof(Styles))]
    public async Task Regenerate_confirm_then_login_with_one_code_and_a_used_code_is_refused(string version, ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Factors(code: false));
        var email = $"lookup-{Guid.NewGuid():N}@example.com";
        var id = (await harness.CreateIdentityAsync(email))["id"]!.GetValue<string>();
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);

        var fresh = (await actor.CreateSettingsFlowAsync()).Body!;
        var codes = await Factors.EnrolLookupAsync(actor);
        var login = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        var unknown = await actor.SubmitAsync(login, ("method", "lookup_secret"), ("lookup_secret", "zzzzzzzz"));
        var ok = await actor.SubmitAsync(unknown.Body ?? login, ("method", "lookup_secret"), ("lookup_secret", codes[3]));
        var again = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        var used = await actor.SubmitAsync(again, ("method", "lookup_secret"), ("lookup_secret", codes[3]));
        var stored = (await harness.AdminGetAsync($"/admin/identities/{id}?include_credential=lookup_secret")).Body!;

        Factors.NodeIds(fresh).Should().Contain("lookup_secret/lookup_secret_regenerate");
        codes.Should().AllSatisfy(c => c.Should().MatchRegex("^[a-z0-9]{8}$"));
        FlowJson.MessageIds(unknown.Body).Should().Equal([4000016L], "{0}", unknown);
        ok.Code.Should().Be(style == ClientStyle.Browser ? 303 : 200, "{0}", ok);
        FlowJson.MessageIds(used.Body).Should().Equal([4000012L], "{0}", used);
        var recovery = stored["credentials"]!["lookup_secret"]!["config"]!["recovery_codes"]!.AsArray();
        recovery.Should().HaveCount(12);
        recovery[3]!["used_at"].Should().NotBeNull();
        recovery[0]!.AsObject().ContainsKey("used_at").Should().BeTrue("sqlxx.NullTime writes null for an unused code");
        recovery[0]!["used_at"].Should().BeNull();
        Amr((await actor.WhoamiAsync()).Body).Should().Equal(["password", "lookup_secret", "lookup_secret"]);
    }

    [TestCase("lookup_secret_reveal", "lookup_secret_regenerate", "reveal")]
    [TestCase("lookup_secret_disable", "lookup_secret_regenerate", "disable")]
    [TestCase("lookup_secret_reveal", "lookup_secret_disable", "reveal")]
    [TestCase("lookup_secret_confirm", "lookup_secret_reveal", "confirm")]
    public async Task With_several_actions_posted_confirm_wins_then_reveal_then_disable_then_regenerate(string a, string b, string winner)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"precedence-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        await Factors.EnrolLookupAsync(actor);
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;

        var reply = await actor.SubmitSettingsAsync(flow, ("method", "lookup_secret"), (a, "true"), (b, "true"));

        var ids = Factors.NodeIds(reply.Body);
        switch (winner)
        {
            case "reveal":
                reply.Code.Should().Be(200, "{0}", reply);
                ids.Should().Contain("lookup_secret/lookup_secret_codes").And.NotContain("lookup_secret/lookup_secret_confirm");
                break;
            case "disable":
                reply.Body!["state"]!.GetValue<string>().Should().Be("success");
                ids.Should().Contain("lookup_secret/lookup_secret_regenerate").And.NotContain("lookup_secret/lookup_secret_reveal");
                break;
            default:
                FlowJson.MessageIds(reply.Body).Should().Equal([4000001L], "confirm wins but nothing was regenerated in this flow ({0})", reply);
                break;
        }
    }

    [Test]
    public async Task The_last_code_still_works_and_all_used_codes_keep_the_identity_at_aal2()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"last-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        await actor.PasswordLoginAsync(email);
        var codes = await Factors.EnrolLookupAsync(actor);

        var replies = new List<int>();
        foreach (var code in codes)
        {
            var login = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
            replies.Add((await actor.SubmitAsync(login, ("method", "lookup_secret"), ("lookup_secret", code))).Code);
        }

        using var second = harness.NewActor();
        await second.PasswordLoginAsync(email);
        var whoami = await second.WhoamiAsync();
        var aal2 = (await second.CreateLoginFlowAsync("aal=aal2")).Body!;
        var reveal = await actor.SubmitSettingsAsync((await actor.CreateSettingsFlowAsync()).Body!, ("method", "lookup_secret"), ("lookup_secret_reveal", "true"));

        replies.Should().AllSatisfy(c => c.Should().Be(200));
        whoami.Code.Should().Be(403, "all-used codes still count as an available second factor (§2.1)");
        Factors.NodeIds(aal2).Should().Contain("lookup_secret/lookup_secret", "the form is shown while a credential exists");
        Factors.Node(reveal.Body, "lookup_secret_codes")!["attributes"]!["text"]!["text"]!.GetValue<string>()
            .Should().Be(string.Join(", ", Enumerable.Repeat("used", 12)));
    }

    private static List<string> Amr(JsonNode? session) =>
        (session?["authentication_methods"] as JsonArray)?.Select(m => m!["method"]!.GetValue<string>()).ToList() ?? [];
}
