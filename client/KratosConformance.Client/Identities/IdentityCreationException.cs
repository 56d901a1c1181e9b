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

    public int Status { get; }
    public string ResponseBody { get; }
    public string? TranscriptFile { get; }
}
