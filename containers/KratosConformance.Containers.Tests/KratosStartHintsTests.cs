namespace KratosConformance.Containers.Tests;

/// <summary>
/// Start hints from log lines as Kratos writes them (logrus text, DisableQuote; driver/registry_default.go Init,
/// driver/factory.go, cmd/daemon/serve.go): the harmless lines every start logs must not be taken for the failure.
/// </summary>
public sealed class KratosStartHintsTests
{
    private const string Memory = "time=2026-03-20T11:01:06Z level=info msg=Ory Kratos is running migrations on every startup as DSN is memory. This means your data is lost when Kratos terminates. audience=application service_name=Ory Kratos service_version=v26.2.0";
    private const string NoVersion = "time=2026-03-20T11:01:06Z level=warning msg=The config has no version specified. Add the version to improve your development experience. audience=application service_name=Ory Kratos service_version=v26.2.0";
    private const string Started = "time=2026-03-20T11:01:06Z level=info msg=Starting the admin httpd addr=:4434 audience=application service_name=Ory Kratos service_version=v26.2.0";

    [Test]
    public void A_normal_start_that_never_got_ready_is_not_called_unmigrated()
    {
        var hint = KratosStartHints.For(string.Join('\n', Memory, NoVersion, Started), new TimeoutException("not ready"), "oryd/kratos:v26.2.0");

        hint.Should().Contain("/admin/health/ready").And.NotContain("not migrated");
    }

    [Test]
    public void An_unmigrated_sqlite_database_is_named()
    {
        var log = string.Join('\n', NoVersion,
            "time=2026-03-20T11:01:07Z level=warning msg=Unable to determine network, retrying. audience=application error=map[message:no such table: networks] service_name=Ory Kratos service_version=v26.2.0");

        KratosStartHints.For(log, new TimeoutException("not ready"), "oryd/kratos:v26.2.0").Should().StartWith("the database is not migrated");
    }

    [Test]
    public void An_unreachable_database_is_named()
    {
        var log = string.Join('\n', NoVersion,
            "time=2026-03-20T11:01:07Z level=warning msg=Unable to ping database, retrying. audience=application error=map[message:dial tcp 10.0.0.9:5432: connect: connection refused] service_name=Ory Kratos service_version=v26.2.0");

        KratosStartHints.For(log, new TimeoutException("not ready"), "oryd/kratos:v26.2.0").Should().StartWith("Kratos can not reach its database");
    }

    [Test]
    public void A_refused_config_is_named()
    {
        var log = string.Join('\n', Memory,
            "time=2026-03-20T11:01:06Z level=error msg=Unable to instantiate configuration. audience=application error=map[message:I[#/selfservice/default_browser_return_url] S[#/properties/selfservice/properties/default_browser_return_url/format] \"[unclosed\" is not valid \"uri\"] service_name=Ory Kratos service_version=v26.2.0");

        KratosStartHints.For(log, new InvalidOperationException("exited"), "oryd/kratos:v26.2.0").Should().Contain("kratos.yml").And.NotContain("not migrated");
    }
}
