namespace KratosConformance.Containers;

/// <summary>A Docker problem explained: <see cref="Exception.Message" /> says what is wrong and what to do.</summary>
public sealed class DockerProblemException : Exception
{
    public DockerProblemException(string message)
        : base(message)
    {
    }

    public DockerProblemException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
