using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using OtpNet;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The steps of seeding and verifying a user, as a native app takes them over Kratos's public API: password, the
/// emailed code (through <see cref="CodeLoginDriver"/>), TOTP and backup codes at login, and enrolling TOTP and backup
/// codes in the settings flow (spec §11: Kratos's API settings flow, X-Session-Token). No checks here: each step
/// returns what Kratos answered and the seeder or verifier judges it.
/// </summary>
public sealed class FactorSteps(CodeLoginDriver driver, UpgradeMailCounter mails)
{
    public CodeLoginDriver Driver => driver;

    /// <summary>A new native client signed in with the password (aal1); the answer tells whether it worked.</summary>
    public async Task<(KratosClient Client, KratosResponse Answer)> PasswordAsync(SeededIdentity identity, CancellationToken ct)
    {
        var client = driver.NewClient(ClientStyle.Native);
        driver.Evidence.Note($"{identity.Role}: sign in with the password");
        var answer = await client.SignInWithPasswordAsync(identity.Email, identity.Password, ct).ConfigureAwait(false);
        return (client, answer);
    }

    /// <summary>Creates an aal2 flow, sends the code to <paramref name="address"/>, waits for it; the flow and the code.</summary>
    public async Task<(LoginFlow Flow, string Code)> SendCodeAsync(KratosClient client, string address, CancellationToken ct)
    {
        var created = await driver.CreateAal2FlowAsync(client, ct: ct).ConfigureAwait(false);
        var flow = created.Flow ?? throw new UpgradeStepException($"no aal2 login flow for {address}: {created.Describe()}");
        var sent = await driver.SendCodeAsync(client, flow, address, ct).ConfigureAwait(false);
        if (sent is not null && sent.Flow is null)
        {
            throw new UpgradeStepException($"sending the code to {address} did not answer a flow: {sent.Describe()}");
        }

        var mail = await driver.WaitForCodeAsync(address, mails.Next(address), ct).ConfigureAwait(false);
        return (sent?.Flow ?? flow, mail.Code);
    }

    /// <summary>The second factor by the emailed code to <paramref name="address"/>.</summary>
    public async Task<KratosResponse> CodeAsync(KratosClient client, string address, CancellationToken ct)
    {
        var (flow, code) = await SendCodeAsync(client, address, ct).ConfigureAwait(false);
        return await driver.SubmitCodeAsync(client, flow, code, address, ct: ct).ConfigureAwait(false);
    }

    /// <summary>The second factor by a TOTP code of <paramref name="secret"/> for the current 30-s step.</summary>
    public Task<KratosResponse> TotpAsync(KratosClient client, string secret, CancellationToken ct) =>
        SecondFactorAsync(client, ct, ("method", "totp"), ("totp_code", TotpCode(secret)));

    /// <summary>The second factor by one backup code.</summary>
    public Task<KratosResponse> BackupCodeAsync(KratosClient client, string code, CancellationToken ct) =>
        SecondFactorAsync(client, ct, ("method", "lookup_secret"), ("lookup_secret", code));

    /// <summary>Enrols TOTP in an API settings flow (needs an aal2 session); the secret the QR node carries.</summary>
    public async Task<string> EnrolTotpAsync(KratosClient client, CancellationToken ct)
    {
        var flow = await SettingsFlowAsync(client, ct).ConfigureAwait(false);
        var secret = Node(flow, "totp_secret_key")?["attributes"]?["text"]?["context"]?["secret"]?.GetValue<string>()
            ?? throw new UpgradeStepException("the settings flow has no totp_secret_key node: is selfservice.methods.totp enabled?");
        var done = await SubmitSettingsAsync(client, flow, ct, ("method", "totp"), ("totp_code", TotpCode(secret))).ConfigureAwait(false);
        RequireSuccess(done, "enrolling TOTP");
        return secret;
    }

    /// <summary>Regenerates and confirms backup codes in one API settings flow; the codes shown.</summary>
    public async Task<IReadOnlyList<string>> EnrolBackupCodesAsync(KratosClient client, CancellationToken ct)
    {
        var flow = await SettingsFlowAsync(client, ct).ConfigureAwait(false);
        var regenerated = await SubmitSettingsAsync(client, flow, ct, ("method", "lookup_secret"), ("lookup_secret_regenerate", "true")).ConfigureAwait(false);
        var codes = Node(regenerated.Body, "lookup_secret_codes")?["attributes"]?["text"]?["context"]?["secrets"]?.AsArray()
            .Select(s => s?["context"]?["secret"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
        if (codes.Count == 0 || regenerated.Body is not JsonObject shown)
        {
            throw new UpgradeStepException($"regenerating backup codes showed none: {regenerated.Describe()}");
        }

        var done = await SubmitSettingsAsync(client, shown, ct, ("method", "lookup_secret"), ("lookup_secret_confirm", "true")).ConfigureAwait(false);
        RequireSuccess(done, "confirming backup codes");
        return codes;
    }

    public static string TotpCode(string secret) =>
        new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6).ComputeTotp(DateTime.UtcNow);

    private async Task<KratosResponse> SecondFactorAsync(KratosClient client, CancellationToken ct, params (string Name, string Value)[] fields)
    {
        var created = await driver.CreateAal2FlowAsync(client, ct: ct).ConfigureAwait(false);
        var flow = created.Flow ?? throw new UpgradeStepException($"no aal2 login flow: {created.Describe()}");
        driver.Evidence.Note($"submit {fields[0].Value}");
        return await client.SubmitLoginAsync(flow, new LoginSubmission { Fields = fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal) }, ct).ConfigureAwait(false);
    }

    private async Task<JsonObject> SettingsFlowAsync(KratosClient client, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "self-service/settings/api");
        request.Headers.TryAddWithoutValidation("X-Session-Token", client.SessionToken);
        driver.Evidence.Note("create an API settings flow");
        var answer = await client.SendAsync(request, ct).ConfigureAwait(false);
        return answer.Status == 200 && answer.Body is JsonObject flow
            ? flow
            : throw new UpgradeStepException($"no settings flow: {answer.Describe()}");
    }

    private async Task<KratosResponse> SubmitSettingsAsync(KratosClient client, JsonObject flow, CancellationToken ct, params (string Name, string Value)[] fields)
    {
        var id = flow["id"]?.GetValue<string>() ?? throw new UpgradeStepException("a settings flow without an id");
        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            body[name] = value is "true" ? JsonValue.Create(true) : JsonValue.Create(value);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "self-service/settings?flow=" + Uri.EscapeDataString(id)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("X-Session-Token", client.SessionToken);
        driver.Evidence.Note($"submit settings {string.Join(", ", fields.Select(f => f.Name))}");
        return await client.SendAsync(request, ct).ConfigureAwait(false);
    }

    private static void RequireSuccess(KratosResponse answer, string what)
    {
        if (answer.Status != 200 || answer.Body?["state"]?.GetValue<string>() != "success")
        {
            throw new UpgradeStepException($"{what} did not succeed: {answer.Describe()}");
        }
    }

    private static JsonNode? Node(JsonNode? flow, string id) =>
        flow?["ui"]?["nodes"]?.AsArray().FirstOrDefault(n => (n?["attributes"]?["name"] ?? n?["attributes"]?["id"])?.GetValue<string>() == id);
}
