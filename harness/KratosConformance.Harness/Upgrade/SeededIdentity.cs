using KratosConformance.Client.Kratos;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// One user seeded on version A: what a real user of that version would have (a password, one or two code
/// addresses, a phone for SMS codes, TOTP, backup codes, some used, a WebAuthn security key) and the secrets the
/// verifier needs on B to act as that user (the key itself: the software authenticator with its private key and counter).
/// </summary>
public sealed class SeededIdentity : IDisposable
{
    /// <summary>What this user stands for in the population (email-code, two-addresses, password-only, totp, backup-codes, webauthn, sms, in-flight).</summary>
    public required string Role { get; init; }
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public string? SecondEmail { get; init; }

    /// <summary>The phone trait: a code address via sms (factors spec §10.5).</summary>
    public string? Phone { get; init; }

    /// <summary>
    /// How this user's user agent talks to Kratos: a native app, or a SPA for the WebAuthn user (Kratos offers WebAuthn
    /// in browser flows only, factors spec §5.3).
    /// </summary>
    public ClientStyle Style { get; init; } = ClientStyle.Native;

    /// <summary>The security key registered on A, kept across the upgrade: its private key and its sign counter.</summary>
    public SoftwareAuthenticator? Authenticator { get; set; }

    /// <summary>The authenticator's sign counter after its last assertion on A; B's first assertion carries it one step on.</summary>
    public uint CounterOnA { get; set; }

    /// <summary>What A's admin API showed of the WebAuthn credential after seeding (include_credential=webauthn).</summary>
    public WebAuthnKeySnapshot? KeyBefore { get; set; }
    public string? TotpSecret { get; set; }
    public IReadOnlyList<string> BackupCodes { get; set; } = [];
    public IReadOnlyList<string> UsedBackupCodes { get; set; } = [];

    /// <summary>The factors this user completed on A, in the order the verifier repeats them on B.</summary>
    public List<string> Factors { get; } = [];

    /// <summary>What A's admin API said of the user after seeding: credential types and verified flags.</summary>
    public IdentitySnapshot? Before { get; set; }

    public void Dispose() => Authenticator?.Dispose();
}
