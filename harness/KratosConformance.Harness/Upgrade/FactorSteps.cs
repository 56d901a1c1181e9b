using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Client.Sms;
using OtpNet;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// The steps of seeding and verifying a user, as a native app takes them over Kratos's public API: password, the
/// emailed code (through <see cref="CodeLoginDriver"/>), the code sent by SMS (read from the deployment's SMS sink),
/// TOTP and backup codes at login, and enrolling TOTP and backup codes in the settings flow (spec §11: Kratos's API
/// settings flow, X-Session-Token); a SPA's steps for WebAuthn (Kratos offers it in browser flows only, factors spec
/// §5.3): registering a security key in settings and signing in with it. No checks here: each step
/// returns what Kratos answered and the seeder or verifier judges it.
/// </summary>
public sealed class FactorSteps(CodeLoginDriver driver, UpgradeMailCounter mails)
{
    private const string KeyName = "upgrade key";
    private static readonly HttpClient SinkHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SmsSinkReader? _sms;

    public CodeLoginDriver Driver => driver;

    /// <summary>A new client of the user's style signed in with the password (aal1); the answer tells whether it worked.</summary>
    public async Task<(KratosClient Client, KratosResponse Answer)> PasswordAsync(SeededIdentity identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var client = driver.NewClient(identity.Style);
        driver.Evidence.Note($"{identity.Role}: sign in with the password");
        var answer = await client.SignInWithPasswordAsync(identity.Email, identity.Password, ct).ConfigureAwait(false);
        return (client, answer);
    }

    /// <summary>
    /// Whether the password left a session: a native app's 200 with the token, a SPA's 200 with the session, or the
    /// SPA's 422 browser_location_change_required without a flow, which Kratos answers once the identity has a second
    /// factor to use next, with the aal1 session cookie set (spec §4.2).
    /// </summary>
    public static bool SignedIn(KratosResponse answer) =>
        (answer ?? throw new ArgumentNullException(nameof(answer))).Status == 200 && (answer.SessionToken is not null || answer.Session is not null)
        || answer.Status == 422 && answer.Flow is null && answer.Error?.Id == "browser_location_change_required";

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

    /// <summary>
    /// The second factor by the code sent by SMS to <paramref name="phone"/> (factors spec §10.5): its address button
    /// pressed, the SMS this send requested read from the sink (the one after those the sink listed for the phone
    /// before, so A's SMS in the same sink are not taken for B's), and its code submitted.
    /// </summary>
    public async Task<KratosResponse> SmsCodeAsync(KratosClient client, string phone, CancellationToken ct)
    {
        var reader = _sms ??= new SmsSinkReader(
            driver.Deployment.SmsSinkUrl ?? throw new UpgradeStepException("this Kratos has no SMS sink: the upgrade's config has no sms courier channel"), SinkHttp, driver.Deployment.Endpoints.Patience);
        var before = (await reader.ListForAsync(phone, TimeSpan.Zero, ct).ConfigureAwait(false)).Count;
        var created = await driver.CreateAal2FlowAsync(client, ct: ct).ConfigureAwait(false);
        var flow = created.Flow ?? throw new UpgradeStepException($"no aal2 login flow for {phone}: {created.Describe()}");
        var sent = await driver.SendCodeAsync(client, flow, phone, ct).ConfigureAwait(false);
        if (sent is not null && sent.Flow is null)
        {
            throw new UpgradeStepException($"sending the code to {phone} did not answer a flow: {sent.Describe()}");
        }

        ReceivedSms sms;
        try
        {
            sms = await reader.WaitForAsync(phone, before + 1, driver.MailDeadline, ct).ConfigureAwait(false);
        }
        catch (SmsWaitTimeoutException e)
        {
            throw new UpgradeStepException(e.Message);
        }

        driver.Evidence.Note($"SMS #{before + 1} to {phone}: {sms.Method} {sms.Path} {sms.Body}");
        var code = sms.Code ?? throw new UpgradeStepException($"the SMS to {phone} carries no login code: {sms.Body}");
        return await driver.SubmitCodeAsync(client, sent?.Flow ?? flow, code, phone, "submit the code sent by SMS", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers a security key held by <paramref name="authenticator"/> in a settings flow of the (SPA) client, as
    /// webauthn.js does (factors spec §5.4): the trigger's creation options answered from the relying party's first origin.
    /// </summary>
    public async Task RegisterKeyAsync(KratosClient client, SoftwareAuthenticator authenticator, CancellationToken ct)
    {
        driver.Evidence.Note("open a settings flow to add a security key");
        var opened = await new SettingsClient(client, driver.Deployment.Facts).CreateAsync(ct: ct).ConfigureAwait(false);
        var flow = opened.Flow ?? throw new UpgradeStepException($"no settings flow: {opened.Describe()}");
        if (WebAuthnDriver.Options(flow, "webauthn_register_trigger") is null)
        {
            throw new UpgradeStepException("the settings flow has no webauthn_register_trigger node: is selfservice.methods.webauthn enabled?");
        }

        var done = await new WebAuthnDriver(driver.Deployment.Facts, driver.Evidence).RegisterAsync(client, flow, authenticator, Origin, KeyName, ct: ct).ConfigureAwait(false);
        RequireSuccess(done, "registering a security key");
    }

    /// <summary>
    /// The second factor by the security key (factors spec §5.5): an aal2 flow, its trigger's request options signed by
    /// <paramref name="authenticator"/> (its counter one step on), posted with the hidden identifier. A flow that offers
    /// no key (the identity has no WebAuthn credential) ends the step with that.
    /// </summary>
    public async Task<KratosResponse> SecurityKeyAsync(KratosClient client, SoftwareAuthenticator authenticator, CancellationToken ct)
    {
        var created = await driver.CreateAal2FlowAsync(client, ct: ct).ConfigureAwait(false);
        var flow = created.Flow ?? throw new UpgradeStepException($"no aal2 login flow: {created.Describe()}");
        if (WebAuthnDriver.Options(flow, "webauthn_login_trigger") is null)
        {
            throw new UpgradeStepException($"the aal2 login flow offers no security key (no webauthn_login_trigger node): {created.Describe()}");
        }

        return await new WebAuthnDriver(driver.Deployment.Facts, driver.Evidence)
            .LoginAsync(client, flow, authenticator, Origin, "sign in with the security key", ct: ct).ConfigureAwait(false);
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

    /// <summary>The relying party's first origin (rp.origins[0], factors spec §5.1): the page a browser would run the ceremony on.</summary>
    private string Origin => driver.Deployment.Facts.WebAuthnOrigins is [var first, ..] ? first
        : throw new UpgradeStepException("the upgrade's config names no WebAuthn origin: is selfservice.methods.webauthn enabled?");

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
