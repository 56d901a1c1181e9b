namespace KratosConformance.Cli;

/// <summary>A user-facing error: printed as one line (no stack trace) and turned into exit code 2.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
