using FluentAssertions;
using KratosConformance.Cli.Options;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// The options map onto <see cref="HarnessSettings"/> through one table of KC_* names: every option names a variable
/// the harness reads, and what an option sets is what the suites get.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SettingsTableTests
{
    [Test]
    public void Every_target_option_sets_a_variable_of_the_settings_table_once()
    {
        var table = TargetOptions.Create().Table;

        table.Select(r => r.Variable).Should().OnlyContain(v => HarnessVariables.Names.Contains(v)).And.OnlyHaveUniqueItems();
        table.Select(r => r.Name).Should().Contain(Patience.Option);
    }

    [Test]
    public void Options_become_typed_settings()
    {
        var options = TargetOptions.Create();
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig);
        var parse = Kc.Parse("run", "--target", "inprocess", "--mail", "mailhog", "--mail-access", "courier", "--patience", "2.5",
            "--config", config, "--deviations", "a,b", "--emulate", "v1.3.1", "--reveal-secrets", "--ui-url", "http://127.0.0.1:4455/login");
        parse.Errors.Should().BeEmpty();

        var settings = options.ToSettings(Reparse(options, parse), new HarnessSettings { Target = TargetKind.Containers });

        settings.Target.Should().Be(TargetKind.InProcess);
        settings.Mail.Should().Be(MailSinkKind.MailHog);
        settings.MailAccess.Should().Be(MailAccess.Courier);
        settings.Patience.Factor.Should().Be(2.5);
        settings.ConfigFile.Should().Be(config);
        settings.Deviations.Should().Equal("a", "b");
        settings.Emulate.Should().Be("v1.3.1");
        settings.RevealSecrets.Should().BeTrue();
        settings.UiUrl.Should().Be(new Uri("http://127.0.0.1:4455/login"));
    }

    [Test]
    public void Options_not_given_keep_the_defaults_of_the_command()
    {
        var options = TargetOptions.Create();
        var command = new System.CommandLine.RootCommand();
        options.AddTo(command);

        var settings = options.ToSettings(command.Parse([]), new HarnessSettings { Target = TargetKind.Containers, Patience = new Patience(3) });

        settings.Target.Should().Be(TargetKind.Containers);
        settings.Patience.Factor.Should().Be(3);
        options.AnyGiven(command.Parse(["--patience", "2"])).Should().BeFalse("patience alone does not name a target to bench");
        options.AnyGiven(command.Parse(["--target", "inprocess"])).Should().BeTrue();
    }

    /// <summary>The same command line, parsed by a command that holds <paramref name="options"/>' own instances.</summary>
    private static System.CommandLine.ParseResult Reparse(TargetOptions options, System.CommandLine.ParseResult parse)
    {
        var command = new System.CommandLine.RootCommand();
        options.AddTo(command);
        return command.Parse(parse.Tokens.Skip(1).Select(t => t.Value).ToList());
    }
}
