using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Logging;
using Kratos.Double.State;
using Kratos.Double.State.Migrations;
using Kratos.Double.State.Sqlite;

namespace Kratos.Double.Cli;

/// <summary>
/// kratos migrate sql [up|status] (cmd/cliclient/migrate.go, oryx/popx/cmd.go): the DSN from the argument, or with -e
/// from env DSN / the config's dsn (config not validated); prints the plan as popx does, asks unless --yes, applies
/// the emulated version's pending migrations to the SQLite file and records them in schema_migration. For dsn memory
/// it migrates a database that lives only as long as the command, as Kratos does.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CommandSpec command, ParsedFlags flags, KratosDoubleOptions options, string version, CancellationToken cancellationToken)
    {
        options.ConfigFiles = flags.Strings("config");
        var log = new KratosLog(options.LogWriter ?? Console.Error, version);
        log.Configure(options.Env("LOG_LEVEL"), options.Env("LOG_FORMAT"));
        string? dsnText;
        if (flags.Bool("read-from-env"))
        {
            var root = await Config.ConfigLoader.ReadAsync(options.Settings(), cancellationToken).ConfigureAwait(false);
            dsnText = Config.ConfigLoader.Str(root, "dsn");
            if (string.IsNullOrEmpty(dsnText))
            {
                await Console.Out.WriteAsync(HelpText.Usage(command) + "\n\nWhen using flag -e, environment variable DSN must be set\n").ConfigureAwait(false);
                return 1;
            }
        }
        else if (flags.Positional.Count == 1)
        {
            dsnText = flags.Positional[0];
        }
        else
        {
            await Console.Out.WriteAsync(HelpText.Usage(command) + "\n").ConfigureAwait(false);
            return 1;
        }

        Dsn dsn;
        try
        {
            dsn = Dsn.Parse(dsnText);
        }
        catch (KratosDoubleConfigException e)
        {
            await KratosDoubleCli.FailAsync(command, "an error occurred initializing migrations: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        if (dsn.InMemory)
        {
            log.Info("Ory Kratos is running migrations on every startup as DSN is memory. This means your data is lost when Kratos terminates.");
        }

        using var connection = SqliteStore.Open(dsn.InMemory ? ":memory:" : dsn.FilePath!);
        var migrator = new Migrator(connection, version, log, StartupChoices.ActiveDeviations(options.Settings()));
        if (dsn.InMemory)
        {
            migrator.Up();
        }

        if (command.Name == "status")
        {
            await Console.Out.WriteAsync(Table(migrator.Status())).ConfigureAwait(false);
            return 0;
        }

        return await UpAsync(flags, migrator).ConfigureAwait(false);
    }

    private static async Task<int> UpAsync(ParsedFlags flags, Migrator migrator)
    {
        var status = migrator.Status();
        var output = Console.Out;
        await output.WriteAsync("The migration plan is as follows:\n" + Table(status)).ConfigureAwait(false);
        await output.WriteAsync("\nThe SQL statements to be executed from top to bottom are:\n\n").ConfigureAwait(false);
        foreach (var (migration, _) in status.Where(s => !s.Applied))
        {
            await output.WriteAsync($"------------ {migration.Version} - {migration.Name} ------------\n{migration.UpSql}\n\n").ConfigureAwait(false);
        }

        if (!flags.Bool("yes"))
        {
            await Console.Error.WriteLineAsync("To skip the next question use flag --yes (at your own risk).").ConfigureAwait(false);
            if (!await ConfirmAsync(output).ConfigureAwait(false))
            {
                await output.WriteAsync("------------ WARNING ------------\nMigration aborted.\n").ConfigureAwait(false);
                return 0;
            }
        }

        migrator.Up();
        await output.WriteAsync("------------ SUCCESS ------------\nSuccessfully applied migrations!\n").ConfigureAwait(false);
        return 0;
    }

    /// <summary>oryx/cmdx AskForConfirmation: asks until y/yes or n/no; no answer (end of input) counts as no.</summary>
    private static async Task<bool> ConfirmAsync(TextWriter output)
    {
        while (true)
        {
            await output.WriteAsync("Do you wish to execute this migration plan? [y/n]: ").ConfigureAwait(false);
            var answer = (await Console.In.ReadLineAsync().ConfigureAwait(false))?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case null or "n" or "no":
                    return false;
                case "y" or "yes":
                    return true;
            }
        }
    }

    /// <summary>oryx/cmdx PrintTable: Version, Name, Status through a tab writer padding with tabs (tab width 8).</summary>
    private static string Table(IReadOnlyList<(SchemaMigration Migration, bool Applied)> status)
    {
        string[][] rows = [["Version", "Name", "Status"], .. status.Select(s => new[] { s.Migration.Version, s.Migration.Name, s.Applied ? "Applied" : "Pending" })];
        var widths = Enumerable.Range(0, 3).Select(c => (rows.Max(r => r[c].Length) + 1 + 7) / 8 * 8).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < 3; c++)
            {
                text.Append(row[c]).Append('\t', (widths[c] - row[c].Length + 7) / 8);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
