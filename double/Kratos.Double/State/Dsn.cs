using Kratos.Double.Config;

namespace Kratos.Double.State;

/// <summary>
/// The storage a DSN names, as Kratos reads it (driver/config DSN, oryx/dbal IsMemorySQLite): "memory" and SQLite
/// DSNs holding ":memory:" or "mode=memory" keep state in memory; "sqlite://PATH?…" (or sqlite3://) is a SQLite file,
/// PATH absolute ("sqlite:///var/lib/sqlite/db.sqlite?_fk=true") or relative to the working directory. Other
/// databases (postgres, mysql, cockroach) are not emulated.
/// </summary>
internal sealed record Dsn(string Text, bool InMemory, string? FilePath)
{
    public static Dsn Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed == "memory" || trimmed.Contains(":memory:", StringComparison.Ordinal) || trimmed.Contains("mode=memory", StringComparison.Ordinal))
        {
            return new Dsn(trimmed, true, null);
        }

        foreach (var scheme in new[] { "sqlite://", "sqlite3://" })
        {
            if (trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var path = trimmed[scheme.Length..].Split('?', 2)[0];
                if (path.StartsWith("file:", StringComparison.Ordinal))
                {
                    path = path["file:".Length..];
                }

                if (path.Length == 0)
                {
                    break;
                }

                return new Dsn(trimmed, false, Uri.UnescapeDataString(path));
            }
        }

        throw KratosDoubleConfigException.For(
            "dsn", $"the double keeps its data in memory or in SQLite, not in '{Redacted(trimmed)}'",
            "use dsn: memory or dsn: sqlite:///var/lib/sqlite/db.sqlite?_fk=true (real Kratos also takes postgres://, mysql://, cockroach://)");
    }

    /// <summary>The DSN without its password, for messages.</summary>
    public static string Redacted(string dsn)
    {
        var at = dsn.IndexOf('@', StringComparison.Ordinal);
        var scheme = dsn.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? dsn[..(scheme + 3)] + "…" + dsn[at..] : dsn;
    }
}
