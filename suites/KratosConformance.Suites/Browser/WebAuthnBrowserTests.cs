using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// WebAuthn in a real browser (factors spec §5.3–§5.5): the UI's pages run Kratos's webauthn.js from the flow's script
/// node, its trigger buttons call <c>navigator.credentials</c>, and Chromium's virtual authenticator
/// (<see cref="VirtualAuthenticator"/>) answers, so origin, RP id, challenge and signature are what a browser makes of
/// the page. Registration in settings, the aal2 login, and a key the identity never registered.
/// </summary>
[TestFixture]
public sealed class WebAuthnBrowserTests : FactorBrowserTest
{
    private const string KeyName = "browser key";

    private static IEnumerable<TestCaseData> Register() =>
    [
        Case("settings", "webauthn", "register",
            "factors §5.3/§5.4/§5.6: in Chromium with a virtual authenticator, the settings page runs webauthn.js from the script node; the register trigger creates a key, the named key is saved (1050001, its remove button shown), the admin API holds it and the browser's session is aal2 [password, webauthn]"),
    ];

    private static IEnumerable<TestCaseData> Aal2() =>
    [
        Case("login", "webauthn", "aal2",
            "factors §5.5/§2.3/§2.4: in Chromium, a password sign-in of an identity with a security key lands on the aal2 screen with the login trigger; pressing it signs the challenge with the key and signs in at aal2 [password, webauthn]"),
    ];

    private static IEnumerable<TestCaseData> UnregisteredKey() =>
    [
        Case("login", "webauthn", "unregistered-key",
            "factors §5.5 item 3: in Chromium, with the registered key unplugged and another authenticator holding a key the identity never registered (under the allowed credential id, so the browser signs with it), the login trigger's assertion is refused with 4000008 on the aal2 screen and the session stays aal1"),
    ];

    [TestCaseSource(nameof(Register))]
    public async Task RegisterKeyInSettingsUi(string client)
    {
        await StartWebAuthnAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        var key = await VirtualAuthenticator.AddAsync(Page, ActionDeadline);
        await SignInAal1Async(identity);

        var keyId = await RegisterKeyAsync(key);
        var stored = await Steps.StoredAsync(identity, "webauthn", "on GET /admin/identities/{id}?include_credential=webauthn after the settings UI");
        WebAuthnChecks.CredentialIs(stored, identity.Id, identity.Email.ToLowerInvariant(), [(keyId, KeyName)], null,
            "the key Chromium created is stored: version 1, identifier the email, user handle the identity id, attestation none, not passwordless, factors spec §5.4, §5.6");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after registering", [("password", "aal1"), ("webauthn", "aal2")], addedInSettings: 1);
    }

    [TestCaseSource(nameof(Aal2))]
    public async Task SignInWithKeyUi(string client)
    {
        await StartWebAuthnAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        var key = await VirtualAuthenticator.AddAsync(Page, ActionDeadline);
        await WithBrowserKeyAsync(identity, key);

        await SignInWithPasswordAsync(identity);
        var (trigger, _) = await Ui.WebAuthnTriggerAsync(UiSelectors.WebAuthnLogin, "webauthn_login_trigger", "on the aal2 screen after the password", "the aal2 form of an identity with a key, factors spec §5.5 row 4");
        Step("press the security key button");
        await Ui.PressAsync(trigger, "sign in with the security key");
        await Ui.ExpectSignedInAsync("after the key's assertion (factors spec §2.4: 303 to the return URL)");
        await WhoAmIAal2Async(identity, "on /sessions/whoami with the browser's cookies after the security key", [("password", "aal1"), ("webauthn", "aal2")]);
    }

    [TestCaseSource(nameof(UnregisteredKey))]
    public async Task UnregisteredKeyUi(string client)
    {
        await StartWebAuthnAsync(client);
        var identity = await NewIdentityAsync(Deployment);
        var registered = await VirtualAuthenticator.AddAsync(Page, ActionDeadline);
        var keyId = await WithBrowserKeyAsync(identity, registered);

        await SignInWithPasswordAsync(identity);
        var (trigger, options) = await Ui.WebAuthnTriggerAsync(UiSelectors.WebAuthnLogin, "webauthn_login_trigger", "on the aal2 screen after the password", "the aal2 form of an identity with a key, factors spec §5.5 row 4");
        var rpId = (string?)options["publicKey"]?["rpId"] ?? Ui.Location.Url.Host;
        Step("unplug the registered key and plug in an authenticator whose key the identity never registered");
        await registered.RemoveAsync();
        var stranger = await VirtualAuthenticator.AddAsync(Page, ActionDeadline);
        await stranger.AddForeignKeyAsync(keyId, rpId);

        await Ui.PressAsync(trigger, "sign in with the unregistered key");
        await Ui.ExpectMessageAsync(4000008, "after the unregistered key's assertion", "an assertion the identity's keys do not verify is refused with 4000008, factors spec §5.5 item 3");
        await Ui.WebAuthnTriggerAsync(UiSelectors.WebAuthnLogin, "webauthn_login_trigger", "after the refusal", "the aal2 form stays for another attempt, factors spec §2.3");
        SessionChecks.NotAal2(await WhoAmIAsync("on /sessions/whoami with the browser's cookies after the refused key"), "a refused assertion completes nothing, factors spec §5.5");
    }

    /// <summary>
    /// The webauthn profile's deployment and UI. The ceremony needs a page on a domain (WebAuthn refuses IP-address
    /// origins): a UI on an IP address makes the scenario not applicable, with that reason.
    /// </summary>
    private async Task StartWebAuthnAsync(string client)
    {
        await StartFactorAsync(client, KratosProfiles.WebAuthn);
        if (Ui.Location.Url.HostNameType != UriHostNameType.Dns)
        {
            NotApplicable.Because($"the login UI {Ui.Location.Url} is on an IP address, where no browser runs WebAuthn (a relying party id must be a domain, factors spec §5.1); serve the UI under a host name such as localhost");
        }
    }

    /// <summary>Signs in (aal1) and registers a key on the settings page; returns its credential id. The browser then signs out.</summary>
    private async Task<byte[]> WithBrowserKeyAsync(TestIdentity identity, VirtualAuthenticator key)
    {
        await SignInAal1Async(identity);
        var keyId = await RegisterKeyAsync(key);
        Step("sign out (clear the browser's cookies) to sign in again with the key");
        await Context.ClearCookiesAsync();
        return keyId;
    }

    /// <summary>
    /// On the settings page: type the key's name, press "Add security key" (webauthn.js creates the credential in the
    /// authenticator and posts the attestation) and expect the saved form with the key's remove button (factors spec §5.4).
    /// </summary>
    private async Task<byte[]> RegisterKeyAsync(VirtualAuthenticator key)
    {
        await Ui.OpenSettingsAsync("when opening the settings page");
        var (trigger, _) = await Ui.WebAuthnTriggerAsync(UiSelectors.WebAuthnRegister, "webauthn_register_trigger", "on the settings page", "the registration form of a browser settings flow, factors spec §5.4 row 4");
        await Ui.FillAsync(NodeTarget.WebAuthnNameField, KeyName, "on the settings page", "the registration form asks for the key's name, factors spec §5.4 row 2");
        Step("press \"Add security key\"");
        await Ui.PressAsync(trigger, "add a security key");
        await Ui.ExpectMessageAsync(1050001, "after adding the security key", "a verified attestation with a name saves the settings, factors spec §5.4, §7.5");
        var ids = await key.CredentialIdsAsync();
        await Ui.ExpectAuthenticatorHoldsAsync(1, ids.Count, "after adding the security key", "the register trigger created one key, factors spec §5.4");
        await Ui.ExpectVisibleAsync(NodeTarget.WebAuthnRemove(Convert.ToHexStringLower(ids[0])), "after adding the security key", "each key gets a remove button valued with its lowercase hex id, factors spec §5.4");
        return ids[0];
    }

    /// <summary>/sessions/whoami with the cookies the browser holds for Kratos's public URL.</summary>
    private async Task<Observation> WhoAmIAsync(string situation)
    {
        var client = NewClient(ClientStyle.Browser, Deployment);
        var publicUrl = Deployment.Endpoints.PublicUrl;
        foreach (var cookie in await Context.CookiesAsync([publicUrl.AbsoluteUri]))
        {
            client.Cookies.Add(publicUrl, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return Scope.Observe(await client.WhoAmIAsync(), situation);
    }
}
