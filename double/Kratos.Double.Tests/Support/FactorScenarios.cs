using System.Text.Json.Nodes;
using FluentAssertions;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// The situations Kratos's TOTP and lookup snapshot tests are written in, reached through the double's own API: an
/// owner enrols the factor (and for the lookup fixture uses codes 1, 4, 7 and 10, the used ones of Kratos's
/// createIdentity); a second client of the requested style then produces the flow. Returns the flow and its OpenAPI
/// component.
/// </summary>
public static class FactorScenarios
{
    public static async Task<(JsonNode Flow, string Component)> RunAsync(DoubleHarness harness, string scenario, ClientStyle style)
    {
        var email = $"snap-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var owner = harness.NewActor();
        await owner.PasswordLoginAsync(email);
        if (scenario.StartsWith("totp", StringComparison.Ordinal) && scenario != "totp-settings-none")
        {
            await Factors.EnrolTotpAsync(owner);
        }

        if (scenario.StartsWith("lookup", StringComparison.Ordinal) && scenario != "lookup-settings-none")
        {
            var codes = await Factors.EnrolLookupAsync(owner);
            if (scenario.StartsWith("lookup-reveal", StringComparison.Ordinal))
            {
                foreach (var k in new[] { 1, 4, 7, 10 })
                {
                    var aal2 = (await owner.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
                    (await owner.SubmitAsync(aal2, ("method", "lookup_secret"), ("lookup_secret", codes[k]))).Code.Should().Be(200);
                }
            }
        }

        using var actor = harness.NewActor();
        actor.Style = style;
        await actor.PasswordLoginAsync(email);
        Reply reply = scenario switch
        {
            "totp-login" or "lookup-login" or "totp-hydration" or "lookup-hydration" => await actor.CreateLoginFlowAsync("aal=aal2"),
            "totp-hydration-refresh" or "lookup-hydration-refresh" => await actor.CreateLoginFlowAsync("aal=aal2&refresh=true"),
            "lookup-reveal" => await RevealAsync(actor, withCsrf: false, all: false),
            "lookup-reveal-all" => await RevealAsync(actor, withCsrf: true, all: true),
            _ => await actor.CreateSettingsFlowAsync(),
        };
        reply.Body.Should().NotBeNull("{0}", reply);
        return (reply.Body!, scenario.Contains("login", StringComparison.Ordinal) || scenario.Contains("hydration", StringComparison.Ordinal) ? "loginFlow" : "settingsFlow");
    }

    /// <summary>
    /// "should pass without csrf if API flow" posts lookup_secret_reveal only; "regenerate but no confirmation" posts the
    /// initial form (reveal and disable buttons) plus lookup_secret_regenerate, and reveal wins.
    /// </summary>
    private static async Task<Reply> RevealAsync(Actor actor, bool withCsrf, bool all)
    {
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        var fields = new List<(string, string)> { ("lookup_secret_reveal", "true") };
        if (all)
        {
            fields.Add(("lookup_secret_disable", "true"));
            fields.Add(("lookup_secret_regenerate", "true"));
        }

        if (!withCsrf)
        {
            fields.Add(("csrf_token", string.Empty));
        }

        return await actor.SubmitSettingsAsync(flow, [.. fields]);
    }
}
