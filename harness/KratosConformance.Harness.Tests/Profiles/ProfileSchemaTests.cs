using FluentAssertions;
using KratosConformance.Client.Tests.Kratos;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Profiles;

/// <summary>
/// A profile with an identity schema of its own (&lt;profile&gt;.schema.json, code-optional: the code address on an
/// optional trait, factors spec §9) composes with that schema on the harness's base, and does not apply to a team's
/// --config, which keeps the team's schema.
/// </summary>
public sealed class ProfileSchemaTests
{
    private static readonly HarnessWiring Wiring = new()
    {
        PublicBaseUrl = new Uri("http://127.0.0.1:40001/"),
        AdminBaseUrl = new Uri("http://127.0.0.1:40002/"),
        Version = KratosVersion.V26_2_0,
    };

    private static string Profiles => Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles");

    [Test]
    public void Code_optional_uses_its_own_schema_and_the_others_the_base()
    {
        var composer = new ProfileComposer(Profiles);

        var optional = composer.Compose(KratosProfiles.CodeOptional, Wiring);
        var recovery = composer.Compose(KratosProfiles.Recovery, Wiring);

        optional.SchemaFileName.Should().Be("code-optional.schema.json");
        optional.IdentitySchemaJson.Should().Be(File.ReadAllText(Path.Combine(Profiles, "code-optional.schema.json")));
        optional.KratosYml.Should().Contain("code-optional.schema.json");
        recovery.SchemaFileName.Should().Be("identity.schema.json");
        recovery.Facts.RecoveryUiUrl.Should().Be(new Uri("http://127.0.0.1:4455/recovery"));
    }

    [Test]
    public void A_profile_with_its_own_schema_does_not_apply_to_a_team_config()
    {
        var dir = Directory.CreateTempSubdirectory("kc-schema-profile").FullName;
        try
        {
            var config = Path.Combine(dir, "my-kratos.yml");
            File.WriteAllText(config, "selfservice:\n  methods:\n    totp:\n      enabled: true\n");
            var team = new ProfileComposer(Profiles, config);

            team.WhyNotApplicable(KratosProfiles.CodeOptional).Should().Be(
                $"profile 'code-optional' certifies an identity schema of its own ({Path.Combine(Profiles, "code-optional.schema.json")}), and the config given with --config ({config}) keeps the team's schema");
            team.WhyNotApplicable(KratosProfiles.Recovery).Should().BeNull("the team's config enables TOTP, the recovery profile's factor");
            new ProfileComposer(Profiles).WhyNotApplicable(KratosProfiles.CodeOptional).Should().BeNull("the harness's own base runs every profile");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
