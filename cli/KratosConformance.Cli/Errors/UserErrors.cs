using KratosConformance.Client.Mail;
using KratosConformance.Containers;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Baselines;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Errors;

/// <summary>
/// Which exceptions are the user's to fix (exit 2, one line) rather than a bug of kc (a crash with its stack trace).
/// Decided by type: each of these carries a message that names the cause and the fix.
/// </summary>
public static class UserErrors
{
    public static bool Is(Exception exception) => Unwrap(exception) is CliException
        or HarnessSettingsException
        or BaselineException
        or MailAccessUriException
        or DockerProblemException
        or KratosContainerException
        or SuitesNotBuiltException
        or NotACloneException;

    /// <summary>The exception a task or a one-task aggregate is about.</summary>
    public static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}
