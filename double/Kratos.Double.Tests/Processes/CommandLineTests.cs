using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Processes;

/// <summary>
/// The double's command line answers like the kratos binary's (cobra v1.10.1 command.go ExecuteC, pflag errors, cmdx
/// usage template, cmd/root.go Execute printing the error once more, exit 1): the harness and users pass it exactly
/// what they pass oryd/kratos, and the double's own knobs are environment variables.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CommandLineTests
{
    [Test]
    public async Task An_unknown_flag_is_refused_with_cobras_text_and_exit_1()
    {
        var (exit, stdout, stderr) = await DoubleProcess.RunAsync(["serve", "--emulate", "v25.4.0"]);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("Error: unknown flag: --emulate\nUsage:\n  kratos serve [flags]\n\nFlags:\n  -c, --config strings   Path to one or more")
            .And.EndWith("      --watch-courier    Run the message courier as a background task, to simplify single-instance setup\n\nunknown flag: --emulate\n");
    }

    [Test]
    public async Task An_unknown_command_is_refused_with_cobras_text_and_a_suggestion()
    {
        var (exit, _, stderr) = await DoubleProcess.RunAsync(["deviations"]);
        exit.Should().Be(1);
        stderr.Should().Be("Error: unknown command \"deviations\" for \"kratos\"\nRun 'kratos --help' for usage.\nunknown command \"deviations\" for \"kratos\"\n");

        var (_, _, typo) = await DoubleProcess.RunAsync(["serv"]);
        typo.Should().Contain("unknown command \"serv\" for \"kratos\"\n\nDid you mean this?\n\tserve\n");
    }

    [Test]
    public async Task A_bad_boolean_and_a_missing_value_are_pflags_errors()
    {
        (await DoubleProcess.RunAsync(["serve", "--dev=maybe"])).Stderr.Should()
            .StartWith("Error: invalid argument \"maybe\" for \"--dev\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n");
        (await DoubleProcess.RunAsync(["serve", "-c"])).Stderr.Should().StartWith("Error: flag needs an argument: 'c' in -c\n");
    }

    [Test]
    public async Task Help_prints_the_usage_on_stdout_and_exits_0()
    {
        var (exit, stdout, _) = await DoubleProcess.RunAsync(["serve", "--help"]);
        exit.Should().Be(0);
        stdout.Should().StartWith("Run the Ory Kratos server\n\nUsage:\n  kratos serve [flags]\n\nFlags:\n");

        var (rootExit, root, _) = await DoubleProcess.RunAsync(["--help"]);
        rootExit.Should().Be(0);
        root.Should().Contain("Usage:\n  kratos [command]\n\nAvailable Commands:\n  cleanup     Various cleanup helpers\n")
            .And.Contain("\n  serve       Run the Ory Kratos server\n")
            .And.EndWith("Use \"kratos [command] --help\" for more information about a command.\n");
    }

    [Test]
    public async Task Migrate_sql_without_a_dsn_prints_its_usage_and_exits_1()
    {
        var (exit, stdout, _) = await DoubleProcess.RunAsync(["migrate", "sql"]);
        exit.Should().Be(1);
        stdout.Should().StartWith("Usage:\n  kratos migrate sql <database-url> [flags]\n  kratos migrate sql [command]\n");
    }

    [TestCase("v26.2.0", true)]
    [TestCase("v1.3.1", false)]
    public async Task Migrate_sql_reads_the_dsn_from_env_and_says_it_is_deprecated_from_v25_4_0(string version, bool deprecated)
    {
        var directory = Directory.CreateTempSubdirectory("kratos-double-cli-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["DSN"] = $"sqlite://{directory}/db.sqlite?_fk=true", ["KRATOS_DOUBLE_EMULATE"] = version };

            var (exit, stdout, stderr) = await DoubleProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env);

            exit.Should().Be(0, stderr);
            stdout.Should().StartWith("The migration plan is as follows:\nVersion\t").And.EndWith("------------ SUCCESS ------------\nSuccessfully applied migrations!\n");
            (stderr.StartsWith("Command \"sql\" is deprecated, Please use `kratos migrate sql` instead.\n", StringComparison.Ordinal)).Should().Be(deprecated);
            KratosDoubleDatabase.MigratedVersion(env["DSN"]).Should().Be(version);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Version_reports_the_emulated_version_from_the_environment()
    {
        var (exit, stdout, _) = await DoubleProcess.RunAsync(["version"], new Dictionary<string, string> { ["KRATOS_DOUBLE_EMULATE"] = "v25.4.0" });
        exit.Should().Be(0);
        stdout.Should().StartWith("Version:\t\t\tv25.4.0\n");
    }
}
