namespace KratosConformance.Cli.Errors;

/// <summary>
/// Bad input to kc (an option, a file, a combination that can not work): printed as one line naming the cause and the
/// fix, no stack trace, and turned into exit code 2 by <see cref="UserErrors"/>.
/// </summary>
public sealed class CliException(string message) : Exception(message);
