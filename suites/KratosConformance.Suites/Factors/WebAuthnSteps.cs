using System.Text.Json.Nodes;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// The checks around the WebAuthn steps the scenarios share (factors spec §5): registering a key in settings through
/// the software authenticator (the script node, the trigger's options, the nodes, the saved key) and signing in at
/// aal2 with it. The origin the authenticator names is the deployment's first configured one, as a browser on the
/// page Kratos expects would name it; a deployment whose WebAuthn origins are unknown makes the scenario not applicable.
/// </summary>
public sealed class WebAuthnSteps(FactorSteps steps, ConformanceScope scope)
{
    private readonly WebAuthnDriver _driver = new(steps.Deployment.Facts, scope.Evidence);

    public WebAuthnDriver Driver => _driver;

    /// <summary>The origin of the deployment's relying party (rp.origins[0], factors spec §5.1).</summary>
    public string Origin => steps.Deployment.Facts.WebAuthnOrigins is [var first, ..] ? first
        : throw new InvalidOperationException("the deployment's WebAuthn origins are unknown");

    /// <summary>Not applicable unless the deployment's config (and so its WebAuthn origins) is known.</summary>
    public static void RequireOrigins(FactorSteps steps)
    {
        if (steps.Deployment.Facts.WebAuthnOrigins.Count == 0)
        {
            NotApplicable.Because("the deployment's WebAuthn relying-party origins are unknown (no config given, or selfservice.methods.webauthn is off), so no answer a browser would give can be made, factors spec §5.1");
        }
    }

    /// <summary>
    /// Opens a settings flow and registers a key named <paramref name="name"/> (factors spec §5.3, §5.4): the script
    /// node and file, the trigger's creation options for this identity, the name and hidden inputs; the update saved with
    /// a remove button for the key. Returns the key id and the relying party id the options named.
    /// </summary>
    public async Task<(byte[] KeyId, string RpId)> RegisterAsync(KratosClient user, TestIdentity identity, SoftwareAuthenticator authenticator, string name)
    {
        var opened = await steps.OpenSettingsAsync(user, identity, "after opening a settings flow to add a security key");
        var options = RegistrationFormShown(opened, user, identity);
        await ScriptServedAsync(opened, user);
        var rpId = JsonRead.Str(JsonRead.Obj(JsonRead.Obj(options, "publicKey"), "rp"), "id") ?? string.Empty;
        var done = steps.Observe(await _driver.RegisterAsync(user, FlowChecks.Flow(opened), authenticator, Origin, name), "after registering a security key");
        steps.Saved(done, user.Style, "a verified attestation with a name stores the key, factors spec §5.4");
        var keyId = authenticator.CredentialIds[^1];
        NodeChecks.Present(done, new NodeExpectation("webauthn", "webauthn_remove", "submit") { Value = Convert.ToHexStringLower(keyId), LabelId = 1050018 }, "each key gets a remove button valued with its lowercase hex id, factors spec §5.4");
        return (keyId, rpId);
    }

    /// <summary>The registration part of a browser settings flow (factors spec §5.4 rows 2–6); returns the creation options.</summary>
    public static JsonObject RegistrationFormShown(Observation opened, KratosClient user, TestIdentity identity)
    {
        NodeChecks.Present(opened, new NodeExpectation("webauthn", "webauthn_register_displayname", "text") { Value = string.Empty, LabelId = 1050013 }, "the key's name input, factors spec §5.4");
        NodeChecks.Present(opened, new NodeExpectation("webauthn", "webauthn_register", "hidden") { Value = string.Empty }, "the hidden input webauthn.js fills, factors spec §5.4");
        var options = WebAuthnChecks.TriggerCarriesOptions(opened, "webauthn_register_trigger", "oryWebAuthnRegistration", 1050012);
        WebAuthnChecks.RegistrationOptions(opened, options, identity.Id);
        return options;
    }

    /// <summary>GETs the script node's src and checks node and file (factors spec §5.3).</summary>
    public async Task ScriptServedAsync(Observation o, KratosClient user)
    {
        var src = JsonRead.Str(JsonRead.Obj(FlowChecks.Flow(o).Ui.Nodes.FirstOrDefault(n => n.Is("webauthn", "webauthn_script"))?.Raw, "attributes"), "src");
        using var request = new HttpRequestMessage(HttpMethod.Get, src ?? new Uri(steps.PublicUrl, ".well-known/ory/webauthn.js").AbsoluteUri);
        scope.Evidence.Note("load the WebAuthn script the node names");
        WebAuthnChecks.ScriptLoads(o, await user.SendAsync(request), steps.PublicUrl);
    }

    /// <summary>The identity with a key registered by a browser user agent of its own; returns the authenticator holding it.</summary>
    public async Task<(SoftwareAuthenticator Authenticator, byte[] KeyId, string RpId)> WithKeyAsync(TestIdentity identity, string name = "conformance key")
    {
        var enroller = await steps.SignedInAal1Async(ClientStyle.Browser, identity);
        var authenticator = new SoftwareAuthenticator();
        var (keyId, rpId) = await RegisterAsync(enroller, identity, authenticator, name);
        return (authenticator, keyId, rpId);
    }

    /// <summary>
    /// The aal2 form of an identity with a key (factors spec §5.5): the hidden identifier (the email), the hidden
    /// result input, the script and the trigger whose options allow exactly the key; returns the flow.
    /// </summary>
    public LoginFlow Aal2FormShown(Observation o, TestIdentity identity, string rpId, IReadOnlyList<byte[]> keyIds)
    {
        NodeChecks.Present(o, new NodeExpectation("default", "identifier", "hidden") { Value = identity.Email.ToLowerInvariant() }, "the hidden identifier is the WebAuthn credential's identifier, factors spec §5.5 row 2");
        NodeChecks.Present(o, new NodeExpectation("webauthn", "webauthn_login", "hidden") { Value = string.Empty }, "the hidden input webauthn.js fills, factors spec §5.5 row 3");
        var options = WebAuthnChecks.TriggerCarriesOptions(o, "webauthn_login_trigger", "oryWebAuthnLogin", 1010008);
        WebAuthnChecks.LoginOptions(o, options, rpId, keyIds);
        return FlowChecks.Flow(o);
    }
}
