using System.Text.RegularExpressions;

namespace KratosConformance.Client.Mail;

/// <summary>
/// The built-in <c>login_code_valid</c> email of a range of Kratos versions (spec §5.5,
/// courier/template/courier/builtin/templates/login_code/valid/). A mail is that template's only if its subject AND its
/// text body match, so a mail from another version or another template (verification, recovery) is refused, not
/// mined for any six digits.
/// </summary>
public sealed record LoginCodeTemplate(string Name, Regex Subject, Regex Body, string Expected)
{
    /// <summary>The mail and its code when the mail is this template's; <see cref="MailWait"/> reports one that is not.</summary>
    public bool TryExtract(ReceivedMail mail, out LoginCodeMail found)
    {
        ArgumentNullException.ThrowIfNull(mail);
        found = new LoginCodeMail(mail, string.Empty);
        var subject = Subject.Match(mail.Subject.Trim());
        var body = Body.Match(Normalise(mail.TextBody));
        if (!subject.Success || !body.Success)
        {
            return false;
        }

        var code = body.Groups["code"].Value;
        // v25.4+ repeats the code in the subject: both must agree, or the mail is not one Kratos rendered.
        if (subject.Groups["code"].Success && subject.Groups["code"].Value != code)
        {
            return false;
        }

        found = new LoginCodeMail(mail, code);
        return true;
    }

    public override string ToString() => Name;

    // Mail transports turn \n into \r\n; HTML stripping leaves stray blanks. The patterns are written for \n.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
