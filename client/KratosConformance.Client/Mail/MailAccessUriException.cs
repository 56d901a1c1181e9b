namespace KratosConformance.Client.Mail;

/// <summary>A --mail-url / KC_MAIL_URL value that is not one of the forms <see cref="MailAccessUri"/> knows.</summary>
public sealed class MailAccessUriException : ArgumentException
{
    public const string ValidForms =
        "imap://host:port, pop3://host:port (optionally user:password@ and imaps:// or pop3s://), "
        + "mailpit+http://host:port, mailhog+http://host:port, smtp4dev+http://host:port, courier+http://<kratos admin host:port>";

    public const string Example = "smtp4dev+http://127.0.0.1:5000";

    public MailAccessUriException(string value, string problem)
        : base($"'{value}' is not a mail access URL: {problem}. Valid forms: {ValidForms}. Example: {Example}")
    {
        Value = value;
    }

    public string Value { get; }
}
