namespace KratosConformance.Containers;

/// <summary>The mail sinks the stack can put beside Kratos.</summary>
public enum MailSinkKind
{
    /// <summary>Default: built locally, so it runs without a registry; the only one speaking IMAP and POP3.</summary>
    Smtp4dev,
    Mailpit,
    MailHog,
}
