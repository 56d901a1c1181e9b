using FluentAssertions;
using KratosConformance.Cli.Commands;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>Every command parses its documented forms, and answers -h/--help with its options and exit 0.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ParseTests
{
    [TestCase("run")]
    [TestCase("run", "--target", "inprocess", "--no-browser", "--only", "login.code-mfa.aal2.*", "--only", "login.code-mfa.mail.*", "--workers", "2", "--out", "/tmp/x", "--patience", "2.5")]
    [TestCase("run", "--target=external", "--public-url", "http://127.0.0.1:4433/", "--admin-url", "http://127.0.0.1:4434/", "--mail-url", "imap://127.0.0.1:1143")]
    [TestCase("run", "--mail", "mailpit", "--mail-access", "courier", "--kratos-image", "oryd/kratos:v26.2.0", "--reveal-secrets")]
    [TestCase("run", "--target", "inprocess", "--emulate", "v25.4.0", "--deviations", "wrong-code-message-id", "--kratos-version", "v25.4.0")]
    [TestCase("test", "--skip", "containers", "--skip", "bench", "--workers", "8", "--patience", "3")]
    [TestCase("compare", "reports/out/a", "reports/out/latest", "--out", "/tmp/c")]
    [TestCase("bench", "--repetitions", "3", "--skip-containers", "--no-browser", "--workers", "4", "--patience", "2")]
    [TestCase("mutate", "--file", "Endpoints/CodeVerifier.cs", "--file", "Text/Messages.cs", "--since", "main", "--concurrency", "2", "--break-at", "85", "--out", "/tmp/m")]
    [TestCase("double", "serve", "-c", "kratos.yml", "--dev", "--watch-courier")]
    [TestCase("images", "double", "smtp4dev", "--repo", "/tmp")]
    [TestCase("completion", "bash")]
    public void Parses_without_error(params string[] args)
    {
        var parse = Kc.Parse(args);

        parse.Errors.Select(e => e.Message).Should().BeEmpty("'{0}' is a documented command line", string.Join(' ', args));
    }

    [Test]
    public void The_double_gets_its_arguments_verbatim_options_included()
    {
        var parse = Kc.Parse("double", "serve", "-c", "kratos.yml", "--dev");

        parse.CommandResult.Command.Name.Should().Be("double");
        parse.GetValue<string[]>("kratos-arguments").Should().Equal("serve", "-c", "kratos.yml", "--dev");
    }

    [TestCase("run")]
    [TestCase("test")]
    [TestCase("compare")]
    [TestCase("bench")]
    [TestCase("double")]
    [TestCase("images")]
    [TestCase("completion")]
    public void Every_command_answers_help(string command)
    {
        foreach (var flag in new[] { "-h", "--help" })
        {
            var (code, output, error) = Kc.Invoke(command, flag);

            code.Should().Be(0, "./kc {0} {1} is a question, not an error", command, flag);
            error.Should().BeEmpty();
            output.Should().Contain("Usage:").And.Contain($" {command} ");
        }
    }

    [Test]
    public void Run_help_lists_every_option_with_its_valid_values()
    {
        var (_, output, _) = Kc.Invoke("run", "--help");

        output.Should().Contain("--patience <factor>").And.Contain("--out <dir>").And.Contain("--no-browser").And.Contain("--reveal-secrets");
        Kc.Parse("run", "--target", "bogus").Errors.Select(e => e.Message).Should().Contain(m => m.Contains("inprocess") && m.Contains("containers") && m.Contains("external"));
    }

    [Test]
    public void No_command_prints_the_overview_with_the_exit_codes()
    {
        var (code, output, _) = Kc.Invoke();

        code.Should().Be(0);
        output.Should().Contain("run").And.Contain("completion").And.Contain("130/143 interrupted");
    }

    [Test]
    public void Completion_prints_a_bash_script_that_asks_kc_through_the_suggest_directive()
    {
        var (code, output, _) = Kc.Invoke("completion", "bash");

        code.Should().Be(0);
        output.Should().Contain("complete -o default -F _kc_complete kc").And.Contain("[suggest:$position]");
    }

    [Test]
    public void Suggestions_list_the_valid_values_of_an_option()
    {
        var root = KcCommandLine.Create(new CommandContext(TextWriter.Null, TextWriter.Null, null));
        var suggestions = root.Parse("run --target ").GetCompletions("run --target ".Length).Select(c => c.Label);

        suggestions.Should().Contain(["containers", "external", "inprocess"]);
    }

    [Test]
    public void Every_command_is_in_the_command_list()
    {
        var root = KcCommandLine.Create(new CommandContext(TextWriter.Null, TextWriter.Null, null));

        root.Subcommands.Select(c => c.Name).Should().BeEquivalentTo(KcCommandLine.CommandNames);
    }
}
