using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>Settings with required_aal and the privileged window (§7.2–§7.4), per client style.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SettingsAalTests
{
    [TestCase(ClientStyle.Browser)]
    [TestCase(ClientStyle.Spa)]
    [TestCase(ClientStyle.Native)]
    public async Task An_aal1_session_of_an_identity_with_totp_can_not_init_fetch_or_submit_settings(ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false));
        var email = $"aal-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var enroller = harness.NewActor();
        enroller.Style = style;
        await enroller.PasswordLoginAsync(email);
        await Factors.EnrolTotpAsync(enroller);
        var flow = (await enroller.CreateSettingsFlowAsync()).Body!;
        using var weak = harness.NewActor();
        weak.Style = style;
        await weak.PasswordLoginAsync(email);
        var id = flow["id"]!.GetValue<string>();

        var init = await weak.CreateSettingsFlowAsync(style == ClientStyle.Native ? string.Empty : "return_to=http://127.0.0.1:4455/after");
        var fetch = await weak.FetchSettingsFlowAsync(id);
        var submit = await weak.SubmitSettingsAsync(flow, ("method", "lookup_secret"), ("lookup_secret_regenerate", "true"));

        var login = harness.Host.PublicBaseUrl + "self-service/login/browser?aal=aal2";
        var initUrl = harness.Host.PublicBaseUrl + "self-service/settings/browser?return_to=http://127.0.0.1:4455/after";
        var submitUrl = harness.Host.PublicBaseUrl + "self-service/settings?flow=" + id;
        if (style == ClientStyle.Browser)
        {
            init.Code.Should().Be(303);
            init.Location.Should().Be(login + "&return_to=" + Uri.EscapeDataString(initUrl));
            submit.Location.Should().Be(login + "&return_to=" + Uri.EscapeDataString(submitUrl));
        }
        else
        {
            init.Code.Should().Be(403);
            init.Body!["error"]!["id"]!.GetValue<string>().Should().Be("session_aal2_required");
            init.Body!["redirect_browser_to"]!.GetValue<string>().Should().Be(style == ClientStyle.Spa ? login + "&return_to=" + Uri.EscapeDataString(initUrl) : login);
            submit.Code.Should().Be(403);
            submit.Body!["redirect_browser_to"]!.GetValue<string>().Should().Be(login + "&return_to=" + Uri.EscapeDataString(submitUrl));
        }

        fetch.Code.Should().Be(403, "fetching is always answered in JSON");
        fetch.Body!["redirect_browser_to"]!.GetValue<string>().Should().Be(login + "&return_to=" + Uri.EscapeDataString("http://127.0.0.1:4455/settings?flow=" + id));
    }

    [Test]
    public async Task With_required_aal_aal1_an_aal1_session_opens_settings()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors("      required_aal: aal1\n", code: false));
        var email = $"aal1-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var enroller = harness.NewActor();
        await enroller.PasswordLoginAsync(email);
        await Factors.EnrolTotpAsync(enroller);
        using var weak = harness.NewActor();
        await weak.PasswordLoginAsync(email);

        var init = await weak.CreateSettingsFlowAsync();

        init.Code.Should().Be(200, "{0}", init);
        Factors.NodeIds(init.Body).Should().Contain("totp/totp_unlink");
    }

    [TestCase(ClientStyle.Spa)]
    [TestCase(ClientStyle.Native)]
    public async Task A_stale_session_gets_session_refresh_required(ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors("      privileged_session_max_age: 1ns\n", code: false));
        var email = $"stale-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;

        var reply = await actor.SubmitSettingsAsync(flow, ("method", "totp"), ("totp_code", TotpCodes.At(Factors.TotpSecret(flow))));

        reply.Code.Should().Be(403);
        var expected = harness.Host.PublicBaseUrl + "self-service/login/browser?refresh=true&return_to="
            + Uri.EscapeDataString(harness.Host.PublicBaseUrl + "self-service/settings?flow=" + flow["id"]);
        JsonNode.DeepEquals(reply.Body, JsonNode.Parse($$"""
            {"error":{"id":"session_refresh_required","code":403,"status":"Forbidden","reason":"The login session is too old and thus not allowed to update these fields. Please re-authenticate.","message":"The requested action was forbidden"},"redirect_browser_to":"{{expected}}"}
            """)).Should().BeTrue("the body is settings.NewFlowNeedsReAuth() with redirect_browser_to: {0}", reply);
    }

    [Test]
    public async Task A_browser_is_sent_to_a_refresh_login_and_its_paused_action_resumes_after_it()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors("      privileged_session_max_age: 2s\n", code: false));
        var email = $"resume-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Browser;
        await actor.PasswordLoginAsync(email);
        await Factors.EnrolLookupAsync(actor);
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        await WaitUntilStaleAsync(actor, flow);

        var paused = await actor.SendAsync(HttpMethod.Post, "/self-service/settings?flow=" + flow["id"], Form(flow, ("lookup_secret_regenerate", "true")), followToUi: false);
        var refresh = await actor.SendAsync(HttpMethod.Get, new Uri(paused.Location!).PathAndQuery, null, followToUi: true);
        var relogin = await actor.SubmitAsync(refresh.Body!, ("method", "password"), ("identifier", email), ("password", "a-strong-test-password-1"));
        var resumed = await actor.SendAsync(HttpMethod.Get, new Uri(relogin.Location!).PathAndQuery, null, followToUi: true);

        paused.Code.Should().Be(303);
        FlowJson.MessageIds(refresh.Body).Should().Equal([1010003L], "the refresh login says why ({0})", refresh);
        relogin.Location.Should().Be(harness.Host.PublicBaseUrl + "self-service/settings?flow=" + flow["id"]);
        resumed.Code.Should().Be(303, "{0}", resumed);
        Factors.NodeIds(resumed.Body).Should().Contain(["lookup_secret/lookup_secret_codes", "lookup_secret/lookup_secret_confirm"], "the paused regenerate ran");
        (await actor.WhoamiAsync()).Body!["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal2", "earlier aal2 entries remain after re-authentication");
    }

    /// <summary>Reveal is harmless: it is asked until the server says the 2 s window is over (deadline 20 s at patience 1).</summary>
    private static async Task WaitUntilStaleAsync(Actor actor, JsonNode flow)
    {
        var deadline = Patience.For("stale privileged session", TimeSpan.FromSeconds(20));
        var ends = DateTimeOffset.UtcNow + deadline.Limit;
        while (true)
        {
            var probe = await actor.SendAsync(HttpMethod.Post, "/self-service/settings?flow=" + flow["id"], Form(flow, ("lookup_secret_reveal", "true")), followToUi: false);
            if (probe.Status == HttpStatusCode.SeeOther && probe.Location!.Contains("refresh=true", StringComparison.Ordinal))
            {
                return;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(ends, "the privileged window of 2s must end within {0}", deadline.Expired);
        }
    }

    private static FormUrlEncodedContent Form(JsonNode flow, params (string Key, string Value)[] fields) =>
        new(fields.Append(("csrf_token", FlowJson.Csrf(flow)!)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
}
