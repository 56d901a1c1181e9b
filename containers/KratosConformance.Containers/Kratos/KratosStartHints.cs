namespace KratosConformance.Containers;

/// <summary>
/// Turns a failed start into one actionable sentence, from what Kratos (or Docker) said. The patterns are lines Kratos
/// really logs (driver/registry_default.go Init, driver/factory.go, cmd/daemon/serve.go; docs/kratos-facts.md): its
/// log always carries harmless lines that mention migrations or config ("running migrations on every startup as DSN
/// is memory", "The config has no version specified"), so only the lines of a failure count.
/// </summary>
internal static class KratosStartHints
{
    public static string For(string log, Exception cause, string image)
    {
        if (DockerProblems.Explain(cause, image) is { } docker)
        {
            return docker;
        }

        if (Has(log, "address already in use"))
        {
            return "a port Kratos listens on is taken inside the container: check serve.public.port / serve.admin.port in kratos.yml (4433/4434 expected)";
        }

        if (Has(log, "Unable to determine network, retrying.") || Has(log, "no such table") || Has(log, "migrations have not yet been fully applied"))
        {
            return "the database is not migrated: the module runs `migrate sql -e --yes` when dsn is not memory; check the dsn and that the migration job succeeded";
        }

        if (Has(log, "Unable to ping database") || Has(log, "Unable to connect to database") || Has(log, "Unable to open database"))
        {
            return "Kratos can not reach its database: check the dsn (host, credentials; for SQLite a folder the image's user 10000 can write, e.g. /var/lib/sqlite)";
        }

        if (Has(log, "Unable to instantiate configuration") && (Has(log, "schema") || Has(log, "identity")))
        {
            return "config refused: see the log above; check the identity schema file named in kratos.yml (identity.schemas[].url must point into /etc/config/kratos/)";
        }

        if (Has(log, "Unable to instantiate configuration") || Has(log, "validation failed") || Has(log, "unknown flag") || Has(log, "unknown command"))
        {
            return "config or command line refused: see the log above; check kratos.yml and the arguments";
        }

        if (log.Length == 0)
        {
            return "Kratos wrote nothing: check that the image's entrypoint is kratos (or the double) and that it runs on linux/amd64";
        }

        return cause is TimeoutException
            ? "Kratos kept running but /admin/health/ready on the admin port (4434) never answered 200: check serve.admin.host/port"
            : "see Kratos's log above";
    }

    private static bool Has(string log, string text) => log.Contains(text, StringComparison.OrdinalIgnoreCase);
}
