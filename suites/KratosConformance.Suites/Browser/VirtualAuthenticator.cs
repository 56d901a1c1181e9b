using System.Security.Cryptography;
using KratosConformance.Client.Waiting;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// A security key inside Chromium: the DevTools protocol's WebAuthn domain (<c>WebAuthn.enable</c>,
/// <c>WebAuthn.addVirtualAuthenticator</c>) over the page's CDP session, so webauthn.js's
/// <c>navigator.credentials.create/get</c> run for real (origin and RP id checked by the browser, an attestation and
/// assertions signed by the authenticator) and no one presses a key: presence and user verification are simulated.
/// Every call runs within the "browser action" deadline.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession _cdp;
    private readonly Deadline _deadline;

    private VirtualAuthenticator(ICDPSession cdp, Deadline deadline, string id)
    {
        _cdp = cdp;
        _deadline = deadline;
        Id = id;
    }

    /// <summary>The authenticatorId Chromium gave it.</summary>
    public string Id { get; }

    /// <summary>
    /// Adds a CTAP2 USB authenticator with resident keys and user verification that verifies every user (the options
    /// Kratos's own e2e tests give Chromium, test/e2e/cypress/integration/profiles/mfa/webauthn.spec.ts).
    /// </summary>
    public static async Task<VirtualAuthenticator> AddAsync(IPage page, Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(deadline);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await deadline.RunAsync("WebAuthn.enable", ct => cdp.SendAsync("WebAuthn.enable").WaitAsync(ct));
        var added = await deadline.RunAsync("WebAuthn.addVirtualAuthenticator", ct => cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "usb",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        }).WaitAsync(ct));
        var id = added?.GetProperty("authenticatorId").GetString() ?? throw new InvalidOperationException("WebAuthn.addVirtualAuthenticator answered without an authenticatorId");
        return new VirtualAuthenticator(cdp, deadline, id);
    }

    /// <summary>The ids of the credentials the authenticator holds (WebAuthn.getCredentials), as raw bytes.</summary>
    public async Task<IReadOnlyList<byte[]>> CredentialIdsAsync()
    {
        var answer = await _deadline.RunAsync("WebAuthn.getCredentials", ct => _cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = Id }).WaitAsync(ct));
        return answer?.GetProperty("credentials").EnumerateArray()
            .Select(c => Convert.FromBase64String(c.GetProperty("credentialId").GetString()!))
            .ToList() ?? [];
    }

    /// <summary>
    /// Puts a fresh P-256 key under credential id <paramref name="credentialId"/> for <paramref name="rpId"/>
    /// (WebAuthn.addCredential, not discoverable): a key the identity never registered, offered under an id the flow
    /// allows, so the browser signs with it and Kratos, not the browser, has to refuse it.
    /// </summary>
    public async Task AddForeignKeyAsync(byte[] credentialId, string rpId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        await _deadline.RunAsync("WebAuthn.addCredential", ct => _cdp.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
        {
            ["authenticatorId"] = Id,
            ["credential"] = new Dictionary<string, object>
            {
                ["credentialId"] = Convert.ToBase64String(credentialId),
                ["isResidentCredential"] = false,
                ["rpId"] = rpId,
                ["privateKey"] = pkcs8,
                ["signCount"] = 1,
            },
        }).WaitAsync(ct));
    }

    /// <summary>Takes the authenticator out of the browser, as a user unplugs a key (WebAuthn.removeVirtualAuthenticator).</summary>
    public Task RemoveAsync() =>
        _deadline.RunAsync("WebAuthn.removeVirtualAuthenticator", ct => _cdp.SendAsync("WebAuthn.removeVirtualAuthenticator", new Dictionary<string, object> { ["authenticatorId"] = Id }).WaitAsync(ct));
}
