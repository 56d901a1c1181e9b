using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// One walk through every behaviour a deviation can touch, written down as stable facts (status codes, message IDs,
/// states, AAL). The baseline must equal the spec's expectations; each deviation must change at least one line.
/// </summary>
public static class Scenario
{
    public static async Task<List<string>> RunAsync(DoubleHarness h)
    {
        var t = new List<string>();
        var email = $"spa-{Guid.NewGuid():N}@example.com";
        await h.CreateIdentityAsync(email);
        using var spa = h.NewActor();
        using var stranger = h.NewActor();

        var r = await spa.CreateLoginFlowAsync("aal=aal2");
        t.Add($"aal2 without session: {r.Code} {r.Body?["error"]?["id"]}");
        var before = (await spa.CreateLoginFlowAsync()).Body!;
        r = await spa.PasswordLoginAsync(email);
        t.Add($"password: {r.Code} {r.Body?["error"]?["id"]}");
        t.Add($"flow from before the login: {(await spa.FetchFlowAsync(before["id"]!.GetValue<string>())).Code}");
        t.Add($"whoami aal1: {(await spa.WhoamiAsync()).Code}");

        var lockout = (await spa.CreateLoginFlowAsync("aal=aal2")).Body!;
        t.Add($"flow L: {Describe(lockout)}");
        var codes = await h.CodesForAsync(email);
        t.Add($"mails: {codes.Count} code-length: {codes.FirstOrDefault()?.Length}");
        if (codes.Count == 0)
        {
            return t;
        }

        var codeL = codes[0];
        t.Add($"fetch without csrf cookie: {(await stranger.FetchFlowAsync(lockout["id"]!.GetValue<string>())).Code}");
        for (var i = 1; i <= 5; i++)
        {
            r = await spa.SubmitAsync(lockout, ("method", "code"), ("code", "000000"), ("identifier", email));
        }

        t.Add($"L 5th wrong: {r.Code} {Ids(r.Body)}");
        r = await spa.SubmitAsync(lockout, ("method", "code"), ("code", codeL), ("identifier", email));
        t.Add($"L correct after 5 wrong: {r.Code} {Ids(r.Body)}");
        if (r.Code == 200)
        {
            return t;
        }

        var refresh = (await spa.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        t.Add($"flow F: {Describe(refresh)}");
        var codeF = (await h.CodesForAsync(email))[0];
        r = await spa.SubmitAsync(refresh, ("method", "code"), ("code", codeL), ("identifier", email));
        t.Add($"F code of flow L: {r.Code} {Ids(r.Body)}");
        if (r.Code == 200)
        {
            return t;
        }

        r = await spa.SubmitAsync(refresh, ("method", "code"), ("resend", "code"), ("identifier", email));
        t.Add($"F resend: {r.Code} {Describe(r.Body)}");
        var codeF2 = (await h.CodesForAsync(email))[0];
        r = await spa.SubmitAsync(refresh, ("method", "code"), ("code", codeF), ("identifier", email));
        t.Add($"F code replaced by resend: {r.Code} {Ids(r.Body)}");
        if (r.Code == 200)
        {
            return t;
        }

        r = await spa.SubmitAsync(refresh, ("method", "code"), ("identifier", email));
        t.Add($"F missing code: {r.Code} {Ids(r.Body)} node-code={string.Join(',', FlowJson.NodeMessageIds(r.Body, "code"))}");
        await spa.SubmitAsync(refresh, ("method", "code"), ("code", "000000"), ("identifier", email));
        r = await spa.SubmitAsync(refresh, ("method", "code"), ("code", "000000"), ("identifier", email));
        t.Add($"F 4th attempt wrong: {r.Code} {Ids(r.Body)}");
        r = await spa.SubmitAsync(refresh, ("method", "code"), ("code", codeF2), ("identifier", email));
        t.Add($"F 5th attempt correct: {r.Code} {Ids(r.Body)}");
        var who = await spa.WhoamiAsync();
        t.Add($"whoami after: {who.Code} aal={who.Body?["authenticator_assurance_level"]} amr={Amr(who.Body)} verified={who.Body?["identity"]?["verifiable_addresses"]?[0]?["verified"]}");
        r = await spa.SubmitAsync(refresh, ("method", "code"), ("code", codeF2), ("identifier", email));
        t.Add($"F replay: {r.Code} {Ids(r.Body)}");

        t.AddRange(await NativeAsync(h));
        return t;
    }

    private static async Task<List<string>> NativeAsync(DoubleHarness h)
    {
        var email = $"native-{Guid.NewGuid():N}@example.com";
        await h.CreateIdentityAsync(email);
        using var app = h.NewActor();
        app.Style = ClientStyle.Native;
        var first = await app.PasswordLoginAsync(email);
        var sessionId = first.Body!["session"]!["id"]!.GetValue<string>();
        var token = app.SessionToken;
        var authenticatedAt = first.Body!["session"]!["authenticated_at"]!.GetValue<string>();
        var flow = (await app.CreateLoginFlowAsync("aal=aal2")).Body!;
        var code = (await h.CodesForAsync(email))[0];
        var done = await app.SubmitAsync(flow, ("method", "code"), ("code", code));
        var session = done.Body?["session"];
        return
        [
            $"native aal2: {done.Code} aal={session?["authenticator_assurance_level"]}",
            $"native same session id: {session?["id"]?.GetValue<string>() == sessionId}",
            $"native same token: {done.Body?["session_token"]?.GetValue<string>() == token}",
            $"native authenticated_at refreshed: {string.CompareOrdinal(session?["authenticated_at"]?.GetValue<string>(), authenticatedAt) > 0}",
        ];
    }

    private static string Ids(JsonNode? flow) => "[" + string.Join(',', FlowJson.MessageIds(flow)) + "]";

    private static string Amr(JsonNode? session) =>
        string.Join(',', (session?["authentication_methods"] as JsonArray)?.Select(m => m!["method"]!.GetValue<string>()) ?? []);

    private static string Describe(JsonNode? flow)
    {
        var identifier = flow?["ui"]?["nodes"]?.AsArray().FirstOrDefault(n => n!["attributes"]!["name"]!.GetValue<string>() is "identifier" or "address");
        return $"state={flow?["state"]} messages={Ids(flow)} label={identifier?["meta"]?["label"]?["id"]}";
    }
}
