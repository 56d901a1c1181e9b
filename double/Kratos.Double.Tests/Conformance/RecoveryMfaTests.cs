using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// Recovery when the identity has a second factor (§8, the recovery-mfa profile): recovery by code gives an aal1
/// session {code_recovery} and a settings flow with 1060001; with highest_available the second factor is still needed
/// before settings (whoami and the settings fetch answer session_aal2_required), then the password can be changed.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecoveryMfaTests
{
    internal static string Yaml(string requiredAal, bool transitions = false) =>
        DoubleConfigs.Factors(
            $"      required_aal: {requiredAal}\n      privileged_session_max_age: 1m\n    recovery:\n      enabled: true\n      ui_url: http://127.0.0.1:4455/recovery\n",
            code: false,
            extra: transitions ? "feature_flags:\n  use_continue_with_transitions: true\n" : null);

    [TestCase("v26.2.0")]
    [TestCase("v25.4.0")]
    [TestCase("v1.3.1")]
    public async Task Recovery_then_the_second_factor_then_a_new_password(string version)
    {
        await using var harness = await DoubleHarness.StartAsync(version, yaml: Yaml("highest_available"));
        var (email, secret) = await IdentityWithTotpAsync(harness);
        using var browser = harness.NewActor();
        browser.Style = ClientStyle.Browser;

        var recovered = await RecoverAsync(harness, browser, email);
        var settingsId = recovered.Location![(recovered.Location!.IndexOf("flow=", StringComparison.Ordinal) + 5)..];
        var who = await browser.WhoamiAsync();
        var blocked = await browser.FetchSettingsFlowAsync(settingsId);
        var settingsUi = "http://127.0.0.1:4455/settings?flow=" + settingsId;
        var aal2 = (await browser.CreateLoginFlowAsync("aal=aal2&return_to=" + Uri.EscapeDataString(settingsUi))).Body!;
        var second = await browser.SubmitAsync(aal2, ("method", "totp"), ("totp_code", TotpCodes.At(secret)));
        var settings = await browser.FetchSettingsFlowAsync(settingsId);
        var changed = await browser.SubmitSettingsAsync(settings.Body!, ("method", "password"), ("password", "a-new-test-password-2"));
        using var later = harness.NewActor();
        var relogin = await later.PasswordLoginAsync(email, "a-new-test-password-2");

        recovered.Location.Should().StartWith("http://127.0.0.1:4455/settings?flow=");
        who.Code.Should().Be(403, "the recovery session is aal1 and the identity has TOTP");
        blocked.Body!["redirect_browser_to"]!.GetValue<string>().Should().EndWith("aal=aal2&return_to=" + Uri.EscapeDataString(settingsUi));
        FlowJson.MessageIds(aal2).Should().Equal([1010004L]);
        second.Location.Should().Be(settingsUi, "the aal2 login returns to the recovery's settings flow");
        FlowJson.MessageIds(settings.Body).Should().Equal([1060001L], "{0}", settings);
        changed.Code.Should().Be(303, "{0}", changed);
        relogin.Body!["error"]!["id"]!.GetValue<string>().Should().Be("browser_location_change_required", "the new password works ({0})", relogin);
    }

    [Test]
    public async Task With_required_aal_aal1_the_recovery_session_changes_settings_without_the_second_factor()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Yaml("aal1"));
        var (email, _) = await IdentityWithTotpAsync(harness);
        using var browser = harness.NewActor();
        browser.Style = ClientStyle.Browser;

        var recovered = await RecoverAsync(harness, browser, email);
        var settings = await browser.FetchSettingsFlowAsync(recovered.Location![(recovered.Location!.IndexOf("flow=", StringComparison.Ordinal) + 5)..]);
        var unlinked = await browser.SubmitSettingsAsync(settings.Body!, ("method", "totp"), ("totp_unlink", "true"));

        settings.Code.Should().Be(200, "{0}", settings);
        unlinked.Body!["state"]!.GetValue<string>().Should().Be("success", "the recovery session is fresh, so the privileged window is open ({0})", unlinked);
    }

    [Test]
    public async Task Json_clients_get_422_or_continue_with_when_transitions_are_on()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Yaml("highest_available"));
        await using var transitions = await DoubleHarness.StartAsync(yaml: Yaml("highest_available", transitions: true));
        var (email, _) = await IdentityWithTotpAsync(harness);
        var (other, _) = await IdentityWithTotpAsync(transitions);
        using var spa = harness.NewActor();
        using var app = transitions.NewActor();
        app.Style = ClientStyle.Native;

        var spaReply = await RecoverAsync(harness, spa, email);
        var apiReply = await RecoverAsync(transitions, app, other);

        spaReply.Code.Should().Be(422);
        spaReply.Body!["error"]!["id"]!.GetValue<string>().Should().Be("browser_location_change_required");
        apiReply.Code.Should().Be(200, "{0}", apiReply);
        apiReply.Body!["continue_with"]!.AsArray().Select(c => c!["action"]!.GetValue<string>()).Should().Equal(["set_ory_session_token", "show_settings_ui"]);
        apiReply.Body!["state"]!.GetValue<string>().Should().Be("passed_challenge");
    }

    internal static async Task<(string Email, string Secret)> IdentityWithTotpAsync(DoubleHarness harness)
    {
        var email = $"recover-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var owner = harness.NewActor();
        await owner.PasswordLoginAsync(email);
        return (email, await Factors.EnrolTotpAsync(owner));
    }

    /// <summary>Recovery by code in the actor's style; returns the answer to the code submission.</summary>
    internal static async Task<Reply> RecoverAsync(DoubleHarness harness, Actor actor, string email, string? returnTo = null)
    {
        var api = actor.Style == ClientStyle.Native;
        var query = returnTo is null ? string.Empty : "?return_to=" + Uri.EscapeDataString(returnTo);
        var init = await actor.SendAsync(HttpMethod.Get, (api ? "/self-service/recovery/api" : "/self-service/recovery/browser") + query, null, followToUi: false);
        var flow = init.Body ?? (await actor.SendAsync(HttpMethod.Get, "/self-service/recovery/flows?id=" + init.Location![(init.Location!.IndexOf("flow=", StringComparison.Ordinal) + 5)..], null, followToUi: false, forceJson: true)).Body!;
        var sent = await PostAsync(actor, flow, ("method", "code"), ("email", email));
        var code = (await harness.CodesForAsync(email))[0];
        var afterSend = (await actor.SendAsync(HttpMethod.Get, "/self-service/recovery/flows?id=" + flow["id"], null, followToUi: false, forceJson: true)).Body!;
        afterSend["state"]!.GetValue<string>().Should().Be("sent_email", "{0}", sent);
        FlowJson.MessageIds(afterSend).Should().Equal([1060003L]);
        var validation = OpenApiSchemas.Validate("recoveryFlow", afterSend);
        validation.IsValid.Should().BeTrue("the recovery flow must satisfy the OpenAPI schema: {0}", OpenApiSchemas.Describe(validation));
        return await PostAsync(actor, afterSend, ("method", "code"), ("code", code));
    }

    private static Task<Reply> PostAsync(Actor actor, JsonNode flow, params (string Key, string Value)[] fields)
    {
        var values = fields.ToList();
        if (actor.Style != ClientStyle.Native)
        {
            values.Add(("csrf_token", FlowJson.Csrf(flow)!));
        }

        HttpContent content = actor.Style == ClientStyle.Browser
            ? new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)))
            : FlowJson.Content(new JsonObject(values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value))));
        return actor.SendAsync(HttpMethod.Post, "/self-service/recovery?flow=" + flow["id"], content, followToUi: false);
    }
}
