using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Bench;

/// <summary>
/// The same request sequence as <see cref="HarnessFlow"/>, written by hand against raw HttpClient: create the identity,
/// password, aal2 flow (address button only where the version does not auto-send), the scenario's submissions, the
/// code, whoami, delete the identity. Its time is what the protocol itself costs; the harness is measured against it.
/// </summary>
public sealed class ReplayFlow(HttpClient http, KratosEndpoints endpoints, ReplayMail mail)
{
    /// <summary>Runs the flow and returns how many requests it sent to Kratos (public and admin).</summary>
    public async Task<FlowRun> RunAsync(string scenario, ClientStyle style, CancellationToken ct)
    {
        var email = $"replay.{scenario}.{style.Id()}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}@conformance.test";
        var password = "Kc-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "-9";
        var identityId = await CreateIdentityAsync(email, password, ct);
        var mailWait = new System.Diagnostics.Stopwatch();
        var agent = new ReplayAgent(http, endpoints.PublicUrl, style.Id());
        try
        {
            var native = style == ClientStyle.Native;
            var first = await agent.CreateAsync(native ? "self-service/login/api" : "self-service/login/browser", ct);
            var signIn = await agent.SubmitAsync(first.Body, ct, ("method", "password"), ("identifier", email), ("password", password));
            BenchFlowException.Expect(signIn.Status is 200 or 303 or 422, "an aal1 session from the password", $"{signIn.Status}");
            if (native)
            {
                agent.SessionToken = signIn.Body.GetProperty("session_token").GetString();
            }

            var refresh = scenario == SeedScenarios.Aal2Refresh ? "&refresh=true" : string.Empty;
            var created = await agent.CreateAsync((native ? "self-service/login/api?aal=aal2" : "self-service/login/browser?aal=aal2") + refresh, ct);
            var flow = created.Body;
            if (State(flow) != "sent_email")
            {
                flow = (await agent.SubmitAsync(flow, ct, ("address", email))).Body;
            }

            BenchFlowException.Expect(State(flow) == "sent_email", "a flow in state sent_email", State(flow) ?? "none");
            mailWait.Start();
            var code = await mail.CodeAsync(email, 1, ct);
            mailWait.Stop();
            if (scenario == SeedScenarios.Resend)
            {
                flow = (await agent.SubmitAsync(flow, ct, ("method", "code"), ("resend", "code"), ("identifier", email))).Body;
                mailWait.Start();
                var second = await mail.CodeAsync(email, 2, ct);
                mailWait.Stop();
                flow = (await agent.SubmitAsync(flow, ct, ("method", "code"), ("code", code), ("identifier", email))).Body;
                code = second;
            }
            else if (scenario == SeedScenarios.WrongCode)
            {
                flow = (await agent.SubmitAsync(flow, ct, ("method", "code"), ("code", KratosConformance.Client.Scenarios.CodeLoginDriver.WrongCode(code)), ("identifier", email))).Body;
            }

            BenchFlowException.Expect(State(flow) == "sent_email", "the flow still in sent_email", State(flow) ?? "none");
            var done = await agent.SubmitAsync(flow, ct, ("method", "code"), ("code", code), ("identifier", email));
            BenchFlowException.Expect(done.Status == (style == ClientStyle.Browser ? 303 : 200), "the code to complete the login", $"{done.Status}");
            var whoami = await agent.GetAsync("sessions/whoami", ct);
            BenchFlowException.Expect(whoami.Status == 200, "whoami to answer 200", $"{whoami.Status}");
        }
        finally
        {
            using var delete = await http.DeleteAsync(new Uri(endpoints.AdminUrl, "admin/identities/" + identityId), CancellationToken.None);
        }

        return new FlowRun(agent.Requests + 2, mailWait.Elapsed.TotalMilliseconds);
    }

    private static string? State(JsonElement flow) =>
        flow.ValueKind == JsonValueKind.Object && flow.TryGetProperty("state", out var s) ? s.GetString() : null;

    private async Task<string> CreateIdentityAsync(string email, string password, CancellationToken ct)
    {
        var e = JsonSerializer.Serialize(email);
        var body = "{\"schema_id\":\"default\",\"traits\":{\"email\":" + e + "},"
            + "\"credentials\":{\"password\":{\"config\":{\"password\":" + JsonSerializer.Serialize(password) + "}}},"
            + "\"verifiable_addresses\":[{\"value\":" + e + ",\"via\":\"email\",\"verified\":false,\"status\":\"pending\"}],\"state\":\"active\"}";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(endpoints.AdminUrl, "admin/identities"), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        BenchFlowException.Expect((int)response.StatusCode == 201, "201 from POST /admin/identities", $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
