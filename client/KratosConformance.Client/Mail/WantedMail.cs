namespace KratosConformance.Client.Mail;

/// <summary>
/// What a <see cref="MailWait"/> waits for: <see cref="Count"/> mails of any kind to <see cref="Recipient"/>, or, with
/// a <see cref="Template"/>, the <see cref="Count"/>th login-code mail in that template.
/// </summary>
public sealed record WantedMail
{
    private WantedMail(string recipient, int count, LoginCodeTemplate? template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Recipient = recipient.Trim();
        Count = count;
        Template = template;
    }

    public string Recipient { get; }
    public int Count { get; }
    public LoginCodeTemplate? Template { get; }

    /// <summary>The <paramref name="nth"/> (1-based) login-code mail in <paramref name="template"/>.</summary>
    public static WantedMail LoginCode(string recipient, int nth, LoginCodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(recipient, nth, template);
    }

    /// <summary><paramref name="count"/> mails of any kind: for checks of the mail itself, where a template mismatch is the check's to report.</summary>
    public static WantedMail Any(string recipient, int count) => new(recipient, count, null);

    /// <summary>"login-code mail #2 (login_code_valid v25.4.0+) to x@y" or "2 mail(s) to x@y".</summary>
    public string Description => Template is null ? $"{Count} mail(s) to {Recipient}" : $"login-code mail #{Count} ({Template.Name}) to {Recipient}";

    /// <summary>"login-code mail #2" or "mail #2": how a report's headline names it.</summary>
    public string ShortName => Template is null ? $"mail #{Count}" : $"login-code mail #{Count}";

    public override string ToString() => Description;
}
