using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Client.Mail;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Baselines;
using KratosConformance.Runner;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>Exit codes mean one thing each, and user errors are told from bugs by their type, not their name.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExitCodeTests
{
    [Test]
    public void Exit_codes_follow_the_documented_table()
    {
        (ExitCodes.Passed, ExitCodes.Failed, ExitCodes.BadInput, ExitCodes.Interrupted, ExitCodes.Terminated).Should().Be((0, 1, 2, 130, 143));
    }

    [Test]
    public void User_errors_are_recognised_by_type_also_inside_an_aggregate()
    {
        Exception[] userErrors =
        [
            new CliException("x"),
            new HarnessSettingsException("x"),
            new BaselineException("b.json", ["x"]),
            new MailAccessUriException("x", "y"),
            new DockerProblemException("x"),
            new SuitesNotBuiltException("x"),
            new AggregateException(new CliException("inner")),
        ];

        userErrors.Should().OnlyContain(e => UserErrors.Is(e));
        UserErrors.Is(new InvalidOperationException("a bug")).Should().BeFalse("a bug keeps its stack trace");
        UserErrors.Is(new AggregateException(new CliException("a"), new CliException("b"))).Should().BeFalse("two errors are not one message");
    }

    [Test]
    public void A_user_error_in_a_command_is_one_line_and_exit_2()
    {
        var (code, output, error) = Kc.Invoke("compare", "/no/such/run", "/no/such/run");

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be("kc compare: error: run A '/no/such/run' is not a run folder: /no/such/run/results.json does not exist. Give a folder written by ./kc run (reports/out/<run-id>)." + Environment.NewLine);
    }
}
