namespace KratosConformance.Cli.Errors;

/// <summary>
/// kc's exit codes, one meaning each, so a CI step can tell a Kratos that does not conform from a pipeline that was
/// misconfigured or cancelled. 130 and 143 follow the shell's 128 + signal number.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every test passed, was not applicable, or failed as the baseline expects.</summary>
    public const int Passed = 0;

    /// <summary>A conformance failure (or a self-test failure for ./kc test).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: an option, a file, a URL that does not answer as what it claims to be. Nothing ran.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by SIGINT (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;
}
