using System.Net;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Storage;

/// <summary>
/// A SQLite DSN keeps everything across a restart; the database must be migrated first and is served the way Kratos
/// serves it (driver/registry_default.go Init and HealthHandler, oryx/popx).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SqliteStorageTests
{
    private static readonly Dictionary<string, string> Aal1 = new() { ["SESSION_WHOAMI_REQUIRED_AAL"] = "aal1" };

    [Test]
    public async Task Identities_sessions_flows_codes_and_mails_survive_a_restart()
    {
        await using var harness = await DoubleHarness.StartAsync(env: Aal1, store: DoubleStore.Sqlite);
        var email = $"restart-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Native;
        await actor.PasswordLoginAsync(email);
        var flow = await actor.CreateLoginFlowAsync("aal=aal2");
        flow.Body!["state"]!.GetValue<string>().Should().Be("sent_email", "{0}", flow);
        var code = (await harness.CodesForAsync(email)).Single();

        await harness.RestartAsync();

        var (status, identities) = await harness.AdminGetAsync("/admin/identities?credentials_identifier=" + email);
        status.Should().Be(HttpStatusCode.OK);
        identities!.AsArray().Should().ContainSingle("the identity was written to the file");
        (await harness.CodesForAsync(email)).Should().Equal([code], "the courier message was written to the file");
        (await actor.WhoamiAsync()).Body!["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal1", "the session token still works");
        var fetched = await actor.FetchFlowAsync(flow.Body["id"]!.GetValue<string>());
        fetched.Body!["state"]!.GetValue<string>().Should().Be("sent_email", "the flow kept its state: {0}", fetched);

        var done = await actor.SubmitAsync(flow.Body, ("method", "code"), ("code", code), ("identifier", email));

        done.Code.Should().Be(200, "the code issued before the restart completes the flow after it: {0}", done);
        var session = (await actor.WhoamiAsync()).Body!;
        session["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal2");
        session["identity"]!["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public async Task Serving_a_database_that_was_never_migrated_fails_like_kratos()
    {
        var directory = Directory.CreateTempSubdirectory("kratos-double-unmigrated-").FullName;
        try
        {
            var log = new StringWriter();
            var options = new KratosDoubleOptions
            {
                ConfigYaml = DoubleConfigs.Yaml(),
                Environment = new Dictionary<string, string> { ["DSN"] = $"sqlite://{directory}/db.sqlite?_fk=true" },
                PublicPort = 0, AdminPort = 0, BindAddress = "127.0.0.1", LogWriter = log,
                StorageRetryBudget = TimeSpan.FromSeconds(2),
            };

            var start = () => KratosDoubleHost.StartAsync(options);

            (await start.Should().ThrowAsync<State.StorageUnavailableException>()).Which.Message.Should().Be("no such table: networks");
            var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().Contain(l => l.Contains("level=warning msg=Unable to determine network, retrying.", StringComparison.Ordinal)
                && l.Contains("error=map[message:no such table: networks]", StringComparison.Ordinal));
            lines.Should().Contain(l => l.Contains("level=error msg=Unable to initialize service registry.", StringComparison.Ordinal));
            File.Exists(Path.Combine(directory, "db.sqlite")).Should().BeTrue("Kratos's sqlite driver creates the file it opens");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_database_migrated_by_an_older_version_is_served_but_not_ready_until_migrated()
    {
        await using var harness = await DoubleHarness.StartAsync(version: "v1.3.1", store: DoubleStore.Sqlite);
        KratosDoubleDatabase.MigratedVersion(harness.Dsn!).Should().Be("v1.3.1");
        harness.Host.Reconfigure([], "v26.2.0", clearStore: false);

        var (status, body) = await harness.AdminGetAsync("/admin/health/ready");

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body!["errors"]!["migrations"]!.GetValue<string>().Should().Be("migrations have not yet been fully applied");
        KratosDoubleDatabase.Migrate(harness.Dsn!, "v26.2.0", TextWriter.Null).Should().Be(4, "v25.4.0's one and v26.2.0's three migrations were pending");
        (await harness.AdminGetAsync("/admin/health/ready")).Status.Should().Be(HttpStatusCode.OK);
        KratosDoubleDatabase.MigratedVersion(harness.Dsn!).Should().Be("v26.2.0");
    }

    [Test]
    public async Task Migrating_from_v1_3_1_to_v26_2_0_carries_credentials_forward_in_v26_2_0s_shape()
    {
        // persistence/sql/migrations/sql/20251104000000000000_identifiers_devices_identity_id.sqlite.up.sql backfills
        // identity_id on every identifier from its credential; 20250710085000000000_add_schema_id.up.sql adds a column
        // to login flows; 20251215000000000000 one to courier messages (docs/kratos-facts.md).
        await using var harness = await DoubleHarness.StartAsync(env: Aal1, version: "v1.3.1", store: DoubleStore.Sqlite);
        var email = $"carried-{Guid.NewGuid():N}@example.com";
        var identityId = (await harness.CreateIdentityAsync(email))["id"]!.GetValue<string>();
        SqliteProbe.Columns(harness.Dsn!, "identity_credential_identifiers").Should().NotContain("identity_id");

        harness.Host.Reconfigure([], "v26.2.0", clearStore: false);
        KratosDoubleDatabase.Migrate(harness.Dsn!, "v26.2.0", TextWriter.Null).Should().Be(4);

        SqliteProbe.Columns(harness.Dsn!, "identity_credential_identifiers").Should().Contain("identity_id");
        SqliteProbe.Columns(harness.Dsn!, "selfservice_login_flows").Should().Contain("identity_schema_id");
        SqliteProbe.Columns(harness.Dsn!, "courier_messages").Should().Contain("request_headers");
        SqliteProbe.Scalar(harness.Dsn!, "SELECT COUNT(*) FROM identity_credential_identifiers WHERE identity_id IS NULL OR identity_id <> $id", ("$id", identityId))
            .Should().Be(0, "every identifier carries its credential's identity");
        SqliteProbe.Scalar(harness.Dsn!, "SELECT COUNT(*) FROM identity_credential_identifiers WHERE identity_id = $id", ("$id", identityId))
            .Should().BeGreaterThan(0);
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Native;
        await actor.PasswordLoginAsync(email);
        (await actor.WhoamiAsync()).Code.Should().Be(200, "the password identifier written at v1.3.1 still finds the identity");
        var other = $"written-after-{Guid.NewGuid():N}@example.com";
        var otherId = (await harness.CreateIdentityAsync(other))["id"]!.GetValue<string>();
        SqliteProbe.Scalar(harness.Dsn!, "SELECT COUNT(*) FROM identity_credential_identifiers WHERE identity_id = $id", ("$id", otherId))
            .Should().BeGreaterThan(0, "the served double writes v26.2.0's shape once the file has it");
    }

    [Test]
    public async Task A_database_migrated_by_a_newer_version_is_served_as_kratos_does()
    {
        // popx lists only the migrations the binary knows: newer rows in schema_migration leave nothing pending.
        await using var harness = await DoubleHarness.StartAsync(store: DoubleStore.Sqlite);
        harness.Host.Reconfigure([], "v1.3.1", clearStore: false);

        (await harness.AdminGetAsync("/admin/health/ready")).Status.Should().Be(HttpStatusCode.OK);
        (await harness.AdminGetAsync("/admin/version")).Body!["version"]!.GetValue<string>().Should().Be("v1.3.1");
    }

    [Test]
    public void Migrating_records_each_version_once_and_a_second_run_applies_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("kratos-double-migrate-").FullName;
        try
        {
            var dsn = $"sqlite://{directory}/db.sqlite?_fk=true";
            KratosDoubleDatabase.Migrate(dsn, "v25.4.0", TextWriter.Null).Should().Be(4);
            KratosDoubleDatabase.AppliedVersions(dsn).Should().Equal("20150100000001000000", "20240425095000000001", "20240425095000000002", "20250710085000000000");
            KratosDoubleDatabase.Migrate(dsn, "v25.4.0", TextWriter.Null).Should().Be(0);
            KratosDoubleDatabase.Migrate(dsn, "v26.2.0", TextWriter.Null).Should().Be(3);
            KratosDoubleDatabase.MigratedVersion(dsn).Should().Be("v26.2.0");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
