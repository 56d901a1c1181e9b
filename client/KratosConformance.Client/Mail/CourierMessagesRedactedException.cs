namespace KratosConformance.Client.Mail;

/// <summary>
/// Kratos's admin courier API replaced subject and body with "&lt;redacted-unless-dev-mode&gt;" (courier/handler.go):
/// the code cannot be read there unless Kratos runs with --dev.
/// </summary>
public sealed class CourierMessagesRedactedException : InvalidOperationException
{
    public const string RedactedMarker = "<redacted-unless-dev-mode>";

    public CourierMessagesRedactedException(string recipient, string adminUrl)
        : base($"Kratos's courier API at {adminUrl} redacts mail subject and body (\"{RedactedMarker}\") for {recipient}, "
            + "so the login code cannot be read from it: start Kratos with --dev or use another mail access "
            + "(e.g. --mail-url smtp4dev+http://127.0.0.1:5000 or imap://127.0.0.1:143).")
    {
        Recipient = recipient;
    }

    public string Recipient { get; }
}
