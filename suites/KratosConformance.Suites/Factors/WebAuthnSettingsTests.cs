using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Security keys in the settings flow (factors spec §5.2–§5.4, §5.6, §7.5): the script node and file, the creation
/// options, a registration without a name refused on the name input, a verified registration stored with the session
/// raised to aal2, the credential in the admin API, and removal; API settings flows offer and accept no WebAuthn.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebAuthnSettingsTests : FactorTest
{
    private static IEnumerable<TestCaseData> Register() => ConformanceCases.ForStyles(
        Id("settings", "webauthn", "register"),
        "factors §5.3/§5.4/§5.6: the script node loads the served webauthn.js by its integrity, the trigger carries creation options for this identity, no name gives 4000002 on the name input, a verified key is saved (1050001, remove button), stored as credential webauthn v1 and makes the session aal2 [password, webauthn]; removing it deletes the credential; native: the API flow has no WebAuthn nodes and a registration gets 4010004 (§5.2)");

    [TestCaseSource(nameof(Register))]
    public async Task RegisterWebAuthn(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.WebAuthn);
        WebAuthnSteps.RequireOrigins(steps);
        var webauthn = new WebAuthnSteps(steps, Scope);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);
        using var authenticator = new SoftwareAuthenticator();
        if (client == ClientStyle.Native)
        {
            await ApiFlowRefusesAsync(steps, webauthn, user, identity, authenticator);
            return;
        }

        var opened = await steps.OpenSettingsAsync(user, identity);
        WebAuthnSteps.RegistrationFormShown(opened, user, identity);
        await webauthn.ScriptServedAsync(opened, user);
        NodeChecks.Absent(opened, "webauthn", "webauthn_remove", "submit", "an identity without keys has nothing to remove, factors spec §5.4");

        var unnamed = steps.Observe(await webauthn.Driver.RegisterAsync(user, FlowChecks.Flow(opened), authenticator, webauthn.Origin, null), "after registering a key without a name");
        SettingsChecks.Flow(unnamed, client, 400, steps.Deployment.Facts.SettingsUiUrl, "a registration without a name re-renders the form (SPA 400, browser 303), factors spec §5.4");
        NodeChecks.HasMessage(unnamed, "webauthn", "webauthn_register_displayname", "text", 4000002, "the settings schema requires a name with a registration, factors spec §5.4");
        WebAuthnChecks.CredentialIs(await steps.StoredAsync(identity, "webauthn", "on the admin API after the unnamed registration"), identity.Id, identity.Email, [], null, "a refused registration stores nothing, factors spec §5.4");

        var (keyId, _) = await webauthn.RegisterAsync(user, identity, authenticator, "my conformance key");
        var stored = await steps.StoredAsync(identity, "webauthn", "on GET /admin/identities/{id}?include_credential=webauthn after registering");
        WebAuthnChecks.CredentialIs(stored, identity.Id, identity.Email.ToLowerInvariant(), [(keyId, "my conformance key")], 0, "the registered key: version 1, identifier the email, user handle the identity id, attestation none, not passwordless, factors spec §5.4, §5.6");
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("webauthn", "aal2")]);

        var again = await steps.OpenSettingsAsync(user, identity, "after opening a settings flow with a key registered");
        var removed = steps.Observe(await webauthn.Driver.RemoveAsync(user, FlowChecks.Flow(again), Convert.ToHexStringLower(keyId)), "after removing the key");
        steps.Saved(removed, client, "an MFA key can always be removed, factors spec §5.4");
        NodeChecks.Absent(removed, "webauthn", "webauthn_remove", "submit", "the removed key has no remove button any more, factors spec §5.4");
        WebAuthnChecks.CredentialIs(await steps.StoredAsync(identity, "webauthn", "on the admin API after removing the only key"), identity.Id, identity.Email, [], null, "removing the last key deletes the webauthn credential, factors spec §5.4");
    }

    // §5.2: API settings flows get no WebAuthn nodes; a registration posted to one finds no strategy (4010004).
    private static async Task ApiFlowRefusesAsync(FactorSteps steps, WebAuthnSteps webauthn, KratosClient user, Client.Identities.TestIdentity identity, SoftwareAuthenticator authenticator)
    {
        var opened = await steps.OpenSettingsAsync(user, identity);
        NodeChecks.Absent(opened, "webauthn", "webauthn_register_trigger", "button", "API settings flows get no WebAuthn nodes, factors spec §5.2");
        NodeChecks.Absent(opened, "webauthn", "webauthn_register", "hidden", "API settings flows get no WebAuthn nodes, factors spec §5.2");
        var refused = steps.Observe(await webauthn.Driver.RegisterAsync(user, FlowChecks.Flow(opened), authenticator, webauthn.Origin, "api key", "{}"), "after posting a registration to an API settings flow");
        SettingsChecks.Flow(refused, ClientStyle.Native, 400, steps.Deployment.Facts.SettingsUiUrl, "no settings strategy takes WebAuthn from an API flow, factors spec §5.2");
        MessageChecks.ExactlyIds(refused, [4010004], "WebAuthn on an API settings flow finds no strategy, factors spec §5.2");
        WebAuthnChecks.CredentialIs(await steps.StoredAsync(identity, "webauthn", "on the admin API after the API flow's registration"), identity.Id, identity.Email, [], null, "an API flow stores no key, factors spec §5.2");
    }
}
