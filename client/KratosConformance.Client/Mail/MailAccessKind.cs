namespace KratosConformance.Client.Mail;

/// <summary>The ways the harness can read mail; each is one <see cref="MailAccessUri"/> scheme.</summary>
public enum MailAccessKind
{
    Imap,
    Pop3,
    Mailpit,
    MailHog,
    Smtp4dev,
    Courier,
}
