namespace KratosConformance.Harness.Paths;

/// <summary>
/// A command needs a clone of this repository (it builds or tests the project) but runs outside one, e.g. as the
/// installed tool. A user error: the message names where it looked and what to do.
/// </summary>
public sealed class NotACloneException : InvalidOperationException
{
    public NotACloneException(string message)
        : base(message)
    {
    }
}
