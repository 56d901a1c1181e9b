using KratosConformance.Client.Mail;
using MimeKit;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// Login-code mails in the exact shape each Kratos version sends (spec §5.5): text/plain body plus an identical
/// text/html alternative (courier/smtp_channel.go).
/// </summary>
internal static class KratosLoginCodeMails
{
    public const string From = "no-reply@ory.kratos.sh";

    public static string CurrentText(string code, int minutes = 60) =>
        $"Login to your account with the following code:\n\n{code}\n\nIt expires in {minutes} minutes.\n";

    public static string LegacyText(string code) =>
        $"Hi,\n\nplease login to your account by entering the following code:\n\n{code}\n";

    public static MimeMessage Current(string to, string code) => Build(to, $"Use code {code} to log in", CurrentText(code));

    public static MimeMessage Legacy(string to, string code) => Build(to, "Login to your account", LegacyText(code));

    public static MimeMessage Other(string to, string subject, string text) => Build(to, subject, text);

    public static ReceivedMail Received(string subject, string text, string to = "alice@example.test") =>
        new("m1", null, From, [to], subject, text, null, DateTimeOffset.UnixEpoch);

    private static MimeMessage Build(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Kratos", From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = text, HtmlBody = text };
        message.Body = body.ToMessageBody();
        return message;
    }
}
