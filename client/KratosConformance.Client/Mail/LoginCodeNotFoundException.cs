namespace KratosConformance.Client.Mail;

/// <summary>
/// A mail reached the recipient that is not in the login-code template expected for the Kratos version under test.
/// Reported at once: waiting longer can not turn it into a login-code mail, and a test that waited out its deadline
/// would hide what did arrive.
/// </summary>
public sealed class LoginCodeNotFoundException : MailWaitException
{
    internal LoginCodeNotFoundException(MailWaitFacts facts, LoginCodeTemplate expected, ReceivedMail mail)
        : base(
            $"mail is not a {expected.Name} mail",
            facts.Wanted.Description,
            $"mail {mail.Id} to {string.Join(",", mail.To)} is not one: {Why(expected, mail)}",
            Excerpt(expected, mail),
            facts)
    {
        Template = expected;
        Mail = mail;
    }

    public LoginCodeTemplate Template { get; }

    /// <summary>The first mail that is not in <see cref="Template"/>.</summary>
    public ReceivedMail Mail { get; }

    /// <summary>The one-line reason a mail is not the template's, also used in every mail listing.</summary>
    internal static string Why(LoginCodeTemplate expected, ReceivedMail mail)
    {
        var other = LoginCodeTemplates.All.FirstOrDefault(t => t != expected && t.TryExtract(mail, out _));
        if (other is not null)
        {
            return $"subject \"{mail.Subject}\" is the {other.Name} template, not {expected.Name} (is the Kratos version right?)";
        }

        return expected.Subject.IsMatch(mail.Subject.Trim())
            ? $"its body (or the code in it) does not match {expected.Name}"
            : $"subject \"{mail.Subject}\" does not match {expected.Name}";
    }

    private static string Excerpt(LoginCodeTemplate expected, ReceivedMail mail)
    {
        var lines = mail.TextBody.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).Take(4).Select(l => $"\"{l}\"");
        return " Reported at once: waiting can not turn it into a login-code mail."
            + $"{Environment.NewLine}  Expected:  {expected.Expected}"
            + $"{Environment.NewLine}  Subject:   \"{mail.Subject}\""
            + $"{Environment.NewLine}  Body:      {string.Join(" / ", lines)}";
    }
}
