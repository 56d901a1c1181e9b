namespace KratosConformance.Client.Identities;

/// <summary>
/// Kratos refused to create a test identity. Carries Kratos's status and error body, because the cause is nearly
/// always the deployment's identity schema or config (e.g. no <c>email</c> trait), which only that body explains.
/// </summary>
public sealed class IdentityCreationException : Exception
{
    public IdentityCreationException(string message, int status, string responseBody, string? transcriptFile)
        : base(message)
    {
        Status = status;
        ResponseBody = responseBody;
        TranscriptFile = transcriptFile;
    }

    public IdentityCreationException()
        : this("Kratos refused to create the test identity.", 0, string.Empty, null)
    {
    }

    public IdentityCreationException(string message)
        : this(message, 0, string.Empty, null)
    {
    }

    public IdentityCreationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ResponseBody = string.Empty;
    }

    public int Status { get; }
    public string ResponseBody { get; }
    public string? TranscriptFile { get; }
}
