using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// What every Kratos of an upgrade runs with on top of the default profile: fixtures/profiles/storage/upgrade.yml (the
/// seeded factors' methods, the sms courier channel, the SQLite DSN) and the identity schema beside it
/// (upgrade.schema.json: the base schema plus the phone trait the SMS user's code address lives in). A and B get the
/// same pair, as a team upgrading Kratos keeps its config and schema.
/// </summary>
public static class UpgradeOverlay
{
    public static string ConfigPath => Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "upgrade.yml");

    public static string SchemaPath => Path.Combine(RepositoryLayout.ProfilesDirectory, "storage", "upgrade.schema.json");

    /// <summary>The composer of an upgrade's kratos.yml: the base, the default profile, this overlay and schema.</summary>
    public static ProfileComposer Composer() => new(RepositoryLayout.ProfilesDirectory, userSchemaPath: SchemaPath, overlayPath: ConfigPath);
}
