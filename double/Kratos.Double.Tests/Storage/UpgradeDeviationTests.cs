using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Storage;

/// <summary>
/// The upgrade deviations (<see cref="Deviations.Upgrade"/>) change what <c>migrate sql</c> leaves of an older
/// version's data, and only on an upgrade: a first migration of an empty file is untouched by them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UpgradeDeviationTests
{
    private static readonly Dictionary<string, string> Aal1 = new() { ["SESSION_WHOAMI_REQUIRED_AAL"] = "aal1" };

    [TestCase(Deviations.UpgradeDropsTotp, "SELECT COUNT(*) FROM identity_credentials WHERE type = 'totp'", 1L, 0L)]
    [TestCase(Deviations.UpgradeLosesVerifiedFlags, "SELECT COUNT(*) FROM identity_verifiable_addresses WHERE verified = 1", 1L, 0L)]
    [TestCase(Deviations.UpgradeInvalidatesSessions, "SELECT COUNT(*) FROM sessions WHERE active = 1", 2L, 0L)]
    [TestCase(Deviations.UpgradeDropsWebAuthn, "SELECT COUNT(*) FROM identity_credentials WHERE type = 'webauthn'", 1L, 0L)]
    [TestCase(Deviations.UpgradeLeavesSchemaBehind, "SELECT COUNT(*) FROM pragma_table_info('identity_credential_identifiers') WHERE name = 'identity_id'", 0L, 0L)]
    public async Task An_upgrade_deviation_changes_the_migrated_data(string deviation, string probe, long before, long after)
    {
        await using var harness = await DoubleHarness.StartAsync("v25.4.0", yaml: DoubleConfigs.Factors(), env: Aal1, store: DoubleStore.Sqlite);
        var email = $"upgrade-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Native;
        await actor.PasswordLoginAsync(email);
        var flow = await actor.CreateLoginFlowAsync("aal=aal2");
        if (flow.Body!["state"]!.GetValue<string>() != "sent_email")
        {
            flow = await actor.SubmitAsync(flow.Body, ("address", email));
        }

        var code = (await harness.CodesForAsync(email)).Single();
        (await actor.SubmitAsync(flow.Body!, ("method", "code"), ("code", code), ("identifier", email))).Code.Should().Be(200);
        await Factors.EnrolTotpAsync(actor);
        using var second = harness.NewActor();
        second.Style = ClientStyle.Native;
        await second.PasswordLoginAsync(email);
        // A WebAuthn credential row in the shape the double stores (registering a key over HTTP needs a security key: the
        // client's software authenticator, which kc upgrade's seeding uses end to end).
        SqliteProbe.Execute(harness.Dsn!, """
            INSERT INTO identity_credentials (id, identity_id, type, config, version, created_at, updated_at)
            SELECT $id, identity_id, 'webauthn', '{"credentials":[],"user_handle":""}', 1, created_at, updated_at FROM identity_credentials WHERE type = 'totp'
            """, ("$id", Guid.NewGuid().ToString()));
        SqliteProbe.Scalar(harness.Dsn!, probe).Should().Be(before, "before the upgrade");

        KratosDoubleDatabase.Migrate(harness.Dsn!, "v26.2.0", TextWriter.Null, [deviation]);

        SqliteProbe.Scalar(harness.Dsn!, probe).Should().Be(after, "{0} changed what the migration left", deviation);
        if (deviation == Deviations.UpgradeLeavesSchemaBehind)
        {
            KratosDoubleDatabase.MigratedVersion(harness.Dsn!).Should().Be("v25.4.0", "none of v26.2.0's migrations was recorded");
        }
    }

    [Test]
    public void A_first_migration_is_not_an_upgrade_and_shows_no_upgrade_deviation()
    {
        var directory = Directory.CreateTempSubdirectory("kratos-double-upgrade-dev-").FullName;
        try
        {
            var dsn = $"sqlite://{directory}/db.sqlite?_fk=true";
            KratosDoubleDatabase.Migrate(dsn, "v26.2.0", TextWriter.Null, [Deviations.UpgradeLeavesSchemaBehind]).Should().Be(7);
            KratosDoubleDatabase.MigratedVersion(dsn).Should().Be("v26.2.0");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
