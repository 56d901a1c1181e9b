namespace KratosConformance.Containers;

/// <summary>Turns a failed start into one actionable sentence, from what Kratos (or Docker) said.</summary>
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

        if (Has(log, "no such table") || Has(log, "migrat"))
        {
            return "the database is not migrated: the module runs `migrate sql -e --yes` when dsn is not memory; check the dsn and that the migration job succeeded";
        }

        if (Has(log, "schema") && (Has(log, "identity") || Has(log, "could not") || Has(log, "unable")))
        {
            return "config refused: see the log above; check the identity schema file named in kratos.yml (identity.schemas[].url must point into /etc/config/kratos/)";
        }

        if (Has(log, "config") || Has(log, "yaml") || Has(log, "validation"))
        {
            return "config refused: see the log above; check kratos.yml";
        }

        if (log.Length == 0)
        {
            return "Kratos wrote nothing: check that the image's entrypoint is kratos (or the double) and that it runs on linux/amd64";
        }

        return cause is TimeoutException
            ? "Kratos kept running but /health/ready on the admin port (4434) never answered 200: check serve.admin.host/port"
            : "see Kratos's log above";
    }

    private static bool Has(string log, string word) => log.Contains(word, StringComparison.OrdinalIgnoreCase);
}
