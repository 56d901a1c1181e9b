namespace KratosConformance.Harness.Smtp4dev;

/// <summary>smtp4dev did not install or did not answer in time; the message carries the tail of its output.</summary>
public sealed class Smtp4devStartException : Exception
{
    public Smtp4devStartException(string message)
        : base(message)
    {
    }
}
