namespace KratosConformance.Client.Mail;

/// <summary>A mail did not match the login-code template expected for the Kratos version under test.</summary>
public sealed class LoginCodeNotFoundException : Exception
{
    public LoginCodeNotFoundException()
    {
    }

    public LoginCodeNotFoundException(string message)
        : base(message)
    {
    }

    public LoginCodeNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LoginCodeNotFoundException(LoginCodeTemplate expected, ReceivedMail mail)
        : base(Describe(expected, mail))
    {
        Template = expected;
        Mail = mail;
    }

    public LoginCodeTemplate? Template { get; }
    public ReceivedMail? Mail { get; }

    /// <summary>The one-line reason a mail is not the template's, also used in wait timeouts.</summary>
    internal static string Why(LoginCodeTemplate expected, ReceivedMail mail)
    {
        var other = LoginCodeTemplates.All.FirstOrDefault(t => t != expected && t.TryExtract(mail, out _));
        return other is null
            ? $"subject \"{mail.Subject}\" does not match {expected.Name}"
            : $"subject \"{mail.Subject}\" is the {other.Name} template, not {expected.Name}: is the Kratos version right?";
    }

    private static string Describe(LoginCodeTemplate expected, ReceivedMail mail)
    {
        var lines = mail.TextBody.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).Take(4).Select(l => $"\"{l}\"");
        return $"Expected mail {mail.Id} to {string.Join(",", mail.To)} to be a login-code mail ({expected.Name}), but {Why(expected, mail)}."
            + $"{Environment.NewLine}  Expected:  {expected.Expected}"
            + $"{Environment.NewLine}  Subject:   \"{mail.Subject}\""
            + $"{Environment.NewLine}  Body:      {string.Join(" / ", lines)}";
    }
}
