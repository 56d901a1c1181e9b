using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// A security key as the second factor of a login (factors spec §2.3, §2.4, §5.2, §5.5): the aal2 form with the options
/// of the identity's keys, an answer from the wrong origin, a key that is not registered or another flow's challenge
/// refused with 4000008, the right answer completing aal2, a counter that does not grow accepted (Kratos neither
/// enforces nor stores it); API flows get no WebAuthn and find no strategy.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebAuthnLoginTests : FactorTest
{
    private const string WrongOrigin = "https://attacker.example";

    // WebAuthn lives only in browser flows (factors spec §5.2): an API flow gets no WebAuthn nodes and no WebAuthn strategy,
    // which login.webauthn.aal2.native and settings.webauthn.register.native check. The scenarios below need a WebAuthn
    // form, so they exist for the browser and SPA clients only (no native case to report not applicable).
    private static readonly ClientStyle[] BrowserStyles = [ClientStyle.Browser, ClientStyle.Spa];

    private static IEnumerable<TestCaseData> Aal2() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "aal2"),
        "factors §5.5/§2.3/§2.4: the aal2 flow shows the hidden identifier, webauthn_login, the script and the trigger allowing the registered key with 1010004; an answer from another origin gives [4000008] and the same challenge then completes aal2 [password, webauthn]; native: no WebAuthn nodes and 4010002 (§5.2)");

    private static IEnumerable<TestCaseData> AvailableAal() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "available-aal"),
        "factors §2.1/§7.2: a security key (passwordless false) as the only second factor makes aal2 available: whoami under highest_available answers the password session 403 session_aal2_required");

    private static IEnumerable<TestCaseData> UnregisteredKey() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "unregistered-key"),
        "factors §5.5 item 3: an assertion by a key the identity never registered gives [4000008] and leaves the session aal1", BrowserStyles);

    private static IEnumerable<TestCaseData> ForeignChallenge() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "foreign-challenge"),
        "factors §5.5 item 5: an assertion over another login flow's challenge gives [4000008]; the flow's own challenge then completes aal2", BrowserStyles);

    private static IEnumerable<TestCaseData> Counter() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "counter"),
        "factors §5.5 item 9: a key whose sign counter does not grow signs in twice (aal2, then aal2 refresh: [password, webauthn, webauthn]); the stored sign_count stays 0", BrowserStyles);

    private static IEnumerable<TestCaseData> Malformed() => ConformanceCases.ForStyles(
        Id("login", "webauthn", "malformed"),
        "factors §5.5 item 1: an assertion whose authenticator data is 16 bytes does not parse (go-webauthn's AuthenticatorData.Unmarshal wants 37 or more): [4000001] \"Unable to parse WebAuthn response.\" on the re-rendered flow, not 4000008, and the session stays aal1; the form's own answer then completes aal2", BrowserStyles);

    [TestCaseSource(nameof(AvailableAal))]
    public async Task WebAuthnMakesAal2Available(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client);
        var (steps, _, _, _, _, _, user) = signedIn;

        // The profile turns the code factor's MFA off, so the key alone decides the identity's available AAL.
        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the password session of an identity with a security key");
        StatusChecks.Is(whoami, 403, "a key registered with passwordless false counts as an active second factor (CountActiveMultiFactorCredentials), so highest_available wants aal2, factors spec §2.1, §7.2 (DoesSessionSatisfy)");
        ErrorChecks.Id(whoami, "session_aal2_required");
    }

    [TestCaseSource(nameof(Aal2))]
    public async Task WebAuthnAal2(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client);
        var (steps, webauthn, identity, key, keyId, rpId, user) = signedIn;
        var created = await steps.Aal2FlowAsync(user);
        if (client == ClientStyle.Native)
        {
            NodeChecks.Absent(created, "webauthn", "webauthn_login_trigger", "button", "API login flows get no WebAuthn nodes, factors spec §5.2");
            var refused = steps.Observe(await webauthn.Driver.LoginRawAsync(user, FlowChecks.Flow(created), identity.Email, "{}", "post webauthn_login to the API flow"), "after posting webauthn_login to an API flow");
            StatusChecks.FlowRendered(refused, client);
            MessageChecks.ExactlyIds(refused, [4010002], "WebAuthn on an API login flow finds no strategy, factors spec §2.2, §5.2");
            SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the API flow's WebAuthn"), "nothing was completed, factors spec §5.2");
            return;
        }

        MessageChecks.ExactlyIds(created, [1010004], "an aal2 flow on an aal1 session asks for the second factor, factors spec §5.5");
        var flow = webauthn.Aal2FormShown(created, identity, rpId, [keyId]);
        await webauthn.ScriptServedAsync(created, user);

        var wrong = steps.Observe(await webauthn.Driver.LoginAsync(user, flow, key, WrongOrigin, "answer the challenge from another origin"), "after an assertion from another origin");
        StatusChecks.FlowRendered(wrong, client);
        MessageChecks.ExactlyIds(wrong, [4000008], "an origin outside rp.origins fails verification, factors spec §5.5 item 5");
        SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the wrong origin"), "a refused assertion completes nothing, factors spec §5.5");

        var done = steps.Observe(await webauthn.Driver.LoginAsync(user, FlowChecks.Flow(wrong), key, webauthn.Origin, "answer the same challenge from the configured origin"), "after a valid assertion");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("webauthn", "aal2")]);
    }

    [TestCaseSource(nameof(UnregisteredKey))]
    public async Task WebAuthnUnregisteredKey(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client);
        var (steps, webauthn, _, _, _, rpId, user) = signedIn;
        var flow = FlowChecks.Flow(await steps.Aal2FlowAsync(user));
        using var stranger = new SoftwareAuthenticator();
        stranger.CreateUnregistered(rpId);

        var refused = steps.Observe(await webauthn.Driver.LoginAsync(user, flow, stranger, webauthn.Origin, "answer with a key the identity never registered", anyKey: true), "after an assertion by an unregistered key");
        StatusChecks.FlowRendered(refused, client);
        MessageChecks.ExactlyIds(refused, [4000008], "a key outside the allowed credentials fails verification, factors spec §5.5 item 3");
        SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the unregistered key"), "a refused assertion completes nothing, factors spec §5.5");
    }

    [TestCaseSource(nameof(ForeignChallenge))]
    public async Task WebAuthnForeignChallenge(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client);
        var (steps, webauthn, identity, key, keyId, rpId, user) = signedIn;
        var first = webauthn.Aal2FormShown(await steps.Aal2FlowAsync(user), identity, rpId, [keyId]);
        var firstChallenge = JsonRead.Str(JsonRead.Obj(System.Text.Json.Nodes.JsonNode.Parse(WebAuthnDriver.Options(first, "webauthn_login_trigger")!), "publicKey"), "challenge")!;
        var second = FlowChecks.Flow(await steps.Aal2FlowAsync(user));

        var refused = steps.Observe(await webauthn.Driver.LoginAsync(user, second, key, webauthn.Origin, "answer the second flow with the first flow's challenge", challenge: firstChallenge), "after an assertion over another flow's challenge");
        StatusChecks.FlowRendered(refused, client);
        MessageChecks.ExactlyIds(refused, [4000008], "the challenge must be the one this flow keeps, factors spec §5.5 item 5");
        SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the foreign challenge"), "a refused assertion completes nothing, factors spec §5.5");

        var done = steps.Observe(await webauthn.Driver.LoginAsync(user, FlowChecks.Flow(refused), key, webauthn.Origin, "answer the second flow's own challenge"), "after a valid assertion");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("webauthn", "aal2")]);
    }

    [TestCaseSource(nameof(Malformed))]
    public async Task WebAuthnMalformedAssertion(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client);
        var (steps, webauthn, identity, key, keyId, rpId, user) = signedIn;
        var flow = webauthn.Aal2FormShown(await steps.Aal2FlowAsync(user), identity, rpId, [keyId]);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(key.Get(WebAuthnDriver.Options(flow, "webauthn_login_trigger")!, webauthn.Origin))!.AsObject();
        answer["response"]!["authenticatorData"] = Convert.ToBase64String(new byte[16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var refused = steps.Observe(await webauthn.Driver.LoginRawAsync(user, flow, identity.Email.ToLowerInvariant(), answer.ToJsonString(), "answer with authenticator data of 16 bytes"), "after an assertion whose authenticator data does not parse");
        StatusChecks.FlowRendered(refused, client);
        MessageChecks.ExactlyIds(refused, [4000001], "a body go-webauthn can not parse is a generic validation error, not a failed verification (login.go ParseCredentialRequestResponseBody), factors spec §5.5 item 1");
        MessageChecks.Text(refused, 4000001, "Unable to parse WebAuthn response.", "Kratos's fixed reason for an unparsable WebAuthn login (the library's detail goes to debug), factors spec §5.5 item 1");
        SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the malformed assertion"), "a refused assertion completes nothing, factors spec §5.5");

        var done = steps.Observe(await webauthn.Driver.LoginAsync(user, FlowChecks.Flow(refused), key, webauthn.Origin, "answer the same flow properly"), "after a valid assertion");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("webauthn", "aal2")]);
    }

    [TestCaseSource(nameof(Counter))]
    public async Task WebAuthnCounter(ClientStyle client)
    {
        using var signedIn = await SignedInWithKeyAsync(client, "cloned key");
        var (steps, webauthn, identity, key, keyId, _, user) = signedIn;
        key.Counter = 7;
        key.CounterStep = 0;

        var methods = new List<(string, string)> { ("password", "aal1") };
        foreach (var refresh in new[] { false, true })
        {
            var flow = FlowChecks.Flow(await steps.Aal2FlowAsync(user, refresh));
            var done = steps.Observe(await webauthn.Driver.LoginAsync(user, flow, key, webauthn.Origin, "sign in with the sign counter at 7 again"), "after an assertion whose counter did not grow");
            StatusChecks.LoginSucceeded(done, client);
            methods.Add(("webauthn", "aal2"));
            await steps.Code.WhoAmIAal2Async(user, identity, methods);
        }

        var stored = await steps.StoredAsync(identity, "webauthn", "on the admin API after two assertions with counter 7");
        WebAuthnChecks.CredentialIs(stored, identity.Id, identity.Email.ToLowerInvariant(), [(keyId, "cloned key")], 0, "Kratos neither enforces nor persists the sign counter at these versions, factors spec §5.5 item 9");
    }

    /// <summary>
    /// Every scenario's start: a new identity of the WebAuthn profile with one registered key (<paramref name="keyName"/>),
    /// and a <paramref name="client"/> signed in with its password (aal1). Disposing it disposes the key.
    /// </summary>
    private async Task<SignedInWithKey> SignedInWithKeyAsync(ClientStyle client, string keyName = "conformance key")
    {
        var steps = await StepsAsync(KratosProfiles.WebAuthn);
        WebAuthnSteps.RequireOrigins(steps);
        var webauthn = new WebAuthnSteps(steps, Scope);
        var identity = await NewIdentityAsync(steps.Deployment);
        var (key, keyId, rpId) = await webauthn.WithKeyAsync(identity, keyName);
        try
        {
            return new SignedInWithKey(steps, webauthn, identity, key, keyId, rpId, await steps.SignedInAal1Async(client, identity));
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private sealed record SignedInWithKey(FactorSteps Steps, WebAuthnSteps WebAuthn, TestIdentity Identity, SoftwareAuthenticator Key, byte[] KeyId, string RpId, KratosClient User) : IDisposable
    {
        public void Dispose() => Key.Dispose();
    }
}
