namespace Kratos.Double.Cli;

/// <summary>A command line cobra refuses; the message is cobra's/pflag's own text.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }
}
