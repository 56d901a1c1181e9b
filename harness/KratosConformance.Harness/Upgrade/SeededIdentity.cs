namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// One user seeded on version A: what a real user of that version would have (a password, one or two code
/// addresses, TOTP, backup codes, some used) and the secrets the verifier needs on B to act as that user.
/// </summary>
public sealed class SeededIdentity
{
    /// <summary>What this user stands for in the population (email-code, two-addresses, password-only, totp, backup-codes, in-flight).</summary>
    public required string Role { get; init; }
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public string? SecondEmail { get; init; }
    public string? TotpSecret { get; set; }
    public IReadOnlyList<string> BackupCodes { get; set; } = [];
    public IReadOnlyList<string> UsedBackupCodes { get; set; } = [];

    /// <summary>The factors this user completed on A, in the order the verifier repeats them on B.</summary>
    public List<string> Factors { get; } = [];

    /// <summary>What A's admin API said of the user after seeding: credential types and verified flags.</summary>
    public IdentitySnapshot? Before { get; set; }
}
