using Kratos.Double.Config;

namespace Kratos.Double.Cli;

/// <summary>
/// Kratos's command tree (cmd/root.go and the packages it registers) with the flags and texts cobra prints, so the
/// double accepts and refuses exactly the command lines the kratos binary does. sql is marked deprecated from
/// v25.4.0 (cmd/migrate/sql.go), and cobra then prints that notice on every use.
/// </summary>
internal static class KratosCommands
{
    public static readonly FlagSpec Config = new(
        "config", 'c', FlagKind.StringSlice,
        "Path to one or more .json, .yaml, .yml, .toml config files. Values are loaded in the order provided, meaning that the last config file overwrites values from the previous config file.");

    public static CommandSpec Build(string version)
    {
        var serve = new CommandSpec { Name = "serve", Short = "Run the Ory Kratos server", Runnable = true };
        serve.PersistentFlags.AddRange(
        [
            Config,
            new("sqa-opt-out", null, FlagKind.Bool, "Disable anonymized telemetry reports - for more information please visit https://www.ory.sh/docs/ecosystem/sqa"),
            new("dev", null, FlagKind.Bool, "Disables critical security features to make development easier"),
            new("watch-courier", null, FlagKind.Bool, "Run the message courier as a background task, to simplify single-instance setup"),
        ]);

        var sql = new CommandSpec
        {
            Name = "sql", Use = "sql <database-url>", Short = "Create SQL schemas and apply migration plans", Runnable = true,
            Deprecated = EmulatedVersion.Compare(version, EmulatedVersion.V25_4_0) >= 0 ? "Please use `kratos migrate sql` instead." : null,
        };
        sql.PersistentFlags.AddRange([Config, new("read-from-env", 'e', FlagKind.Bool, "If set, reads the database connection string from the environment variable DSN or config file key dsn.")]);
        sql.Flags.Add(Yes());
        var up = new CommandSpec { Name = "up", Use = "up [database_url]", Short = "Apply all pending SQL migrations", Runnable = true, MaxArgs = 1 };
        up.Flags.Add(Yes());
        var down = new CommandSpec { Name = "down", Use = "down [database_url]", Short = "Rollback the last applied SQL migrations", Runnable = true, MaxArgs = 1, Emulated = false };
        down.Flags.AddRange([Yes(), new("steps", null, FlagKind.String, "The number of migrations to roll back.")]);
        var status = new CommandSpec { Name = "status", Use = "status [database_url]", Short = "Display the current migration status", Runnable = true, MaxArgs = 1 };
        sql.Add(status, up, down);

        var migrate = new CommandSpec { Name = "migrate", Short = "Various migration helpers" };
        migrate.PersistentFlags.Add(Config);
        migrate.Add(sql);

        var root = new CommandSpec { Name = "kratos" };
        root.Add(
            Other("cleanup", "Various cleanup helpers"),
            Other("completion", "Generate the autocompletion script for the specified shell"),
            Other("courier", "Commands related to the Ory Kratos message courier"),
            Other("delete", "Delete resources"),
            Other("format", "Helpers for formatting code"),
            Other("get", "Get resources"),
            Other("hashers", "This command contains helpers around hashing"),
            new CommandSpec { Name = "help", Use = "help [command]", Short = "Help about any command", Runnable = true },
            Other("import", "Import resources"),
            new CommandSpec { Name = "jsonnet", Short = "Run Jsonnet as a CLI command", Hidden = true, Emulated = false, Runnable = true },
            Other("lint", "Helpers for linting code"),
            Other("list", "List resources"),
            migrate,
            Other("remote", "Helpers and management for remote Ory Kratos instances"),
            serve,
            Other("validate", "Validate resources"),
            new CommandSpec { Name = "version", Short = "Show the build version, build time, and git hash", Runnable = true });
        return root;
    }

    private static FlagSpec Yes() => new("yes", 'y', FlagKind.Bool, "If set all confirmation requests are accepted without user interaction.");

    private static CommandSpec Other(string name, string text) => new() { Name = name, Short = text, Runnable = true, Emulated = false };
}
