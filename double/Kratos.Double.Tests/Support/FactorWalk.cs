using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// One walk through TOTP, lookup secrets and settings with AAL, written down as stable facts; the baseline equals the
/// spec (§3, §4, §7) and each deviation of <see cref="Deviations.Factors"/> changes at least one line.
/// </summary>
public static class FactorWalk
{
    public static string Yaml(string maxAge = "1h") => DoubleConfigs.Factors($"      privileged_session_max_age: {maxAge}\n", code: false);

    public static async Task<List<string>> RunAsync(DoubleHarness h)
    {
        var t = new List<string>();
        var email = $"walk-{Guid.NewGuid():N}@example.com";
        await h.CreateIdentityAsync(email);
        using var owner = h.NewActor();
        await owner.PasswordLoginAsync(email);
        var enrolFlow = (await owner.CreateSettingsFlowAsync()).Body!;
        var secret = Factors.TotpSecret(enrolFlow);
        await owner.SubmitSettingsAsync(enrolFlow, ("method", "totp"), ("totp_code", TotpCodes.At(secret)));
        t.Add($"after enrolment: {Describe((await owner.WhoamiAsync()).Body)}");

        using var weak = h.NewActor();
        await weak.PasswordLoginAsync(email);
        t.Add($"aal1 session: whoami {(await weak.WhoamiAsync()).Code} settings {(await weak.CreateSettingsFlowAsync()).Code}");
        var aal2 = (await weak.CreateLoginFlowAsync("aal=aal2")).Body!;
        var far = await weak.SubmitAsync(aal2, ("method", "totp"), ("totp_code", TotpCodes.At(secret, 3)));
        t.Add($"code 3 steps ahead: {far.Code} {Ids(far.Body)}");
        if (far.Code == 400)
        {
            var wrong = await weak.SubmitAsync(far.Body!, ("method", "totp"), ("totp_code", "000000"));
            t.Add($"wrong code: {wrong.Code} {Ids(wrong.Body)}");
        }

        var settingsReply = await owner.CreateSettingsFlowAsync();
        if (settingsReply.Code != 200)
        {
            t.Add($"owner settings: {settingsReply.Code}");
            return t;
        }

        var unlinked = await owner.SubmitSettingsAsync(settingsReply.Body!, ("method", "totp"), ("totp_unlink", "true"));
        using var later = h.NewActor();
        await later.PasswordLoginAsync(email);
        t.Add($"after unlink: {unlinked.Body?["state"]} whoami {(await later.WhoamiAsync()).Code}");

        var first = await owner.SubmitSettingsAsync((await owner.CreateSettingsFlowAsync()).Body!, ("lookup_secret_regenerate", "true"));
        var codes = Factors.LookupCodes(first.Body);
        await owner.SubmitSettingsAsync(first.Body!, ("lookup_secret_confirm", "true"));
        var both = await owner.SubmitSettingsAsync((await owner.CreateSettingsFlowAsync()).Body!, ("lookup_secret_reveal", "true"), ("lookup_secret_regenerate", "true"));
        t.Add($"reveal+regenerate: {both.Code} {string.Join(',', Factors.NodeIds(both.Body).Where(n => n.StartsWith("lookup_secret/", StringComparison.Ordinal)))}");
        var regenerated = await owner.SubmitSettingsAsync((await owner.CreateSettingsFlowAsync()).Body!, ("lookup_secret_regenerate", "true"));
        var confirmed = await owner.SubmitSettingsAsync(regenerated.Body!, ("lookup_secret_confirm", "true"));
        t.Add($"regenerate then confirm: {regenerated.Code} {confirmed.Code} {Ids(confirmed.Body)}");
        var fresh = confirmed.Code == 200 ? Factors.LookupCodes(regenerated.Body) : codes;
        for (var i = 0; i < 2; i++)
        {
            var flow = (await owner.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
            var reply = await owner.SubmitAsync(flow, ("method", "lookup_secret"), ("lookup_secret", fresh[0]));
            t.Add($"backup code use {i + 1}: {reply.Code} {Ids(reply.Body)}");
        }

        return t;
    }

    /// <summary>A session older than privileged_session_max_age (1ns) tries to enrol TOTP.</summary>
    public static async Task<string> StaleAsync(DoubleHarness h)
    {
        var email = $"stale-{Guid.NewGuid():N}@example.com";
        await h.CreateIdentityAsync(email);
        using var actor = h.NewActor();
        await actor.PasswordLoginAsync(email);
        var flow = (await actor.CreateSettingsFlowAsync()).Body!;
        var reply = await actor.SubmitSettingsAsync(flow, ("method", "totp"), ("totp_code", TotpCodes.At(Factors.TotpSecret(flow))));
        return $"stale enrolment: {reply.Code} {reply.Body?["error"]?["id"] ?? reply.Body?["state"]}";
    }

    private static string Ids(JsonNode? flow) => "[" + string.Join(',', FlowJson.MessageIds(flow)) + "]";

    private static string Describe(JsonNode? session) =>
        $"{session?["authenticator_assurance_level"]} {string.Join(',', (session?["authentication_methods"] as JsonArray)?.Select(m => m!["method"]!.GetValue<string>()) ?? [])}";
}
