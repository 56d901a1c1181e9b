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
        KratosDoubleDatabase.Migrate(harness.Dsn!, "v26.2.0", TextWriter.Null).Should().Be(2, "v25.4.0's and v26.2.0's migrations were pending");
        (await harness.AdminGetAsync("/admin/health/ready")).Status.Should().Be(HttpStatusCode.OK);
        KratosDoubleDatabase.MigratedVersion(harness.Dsn!).Should().Be("v26.2.0");
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
            KratosDoubleDatabase.Migrate(dsn, "v26.2.0", TextWriter.Null).Should().Be(1);
            KratosDoubleDatabase.MigratedVersion(dsn).Should().Be("v26.2.0");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
