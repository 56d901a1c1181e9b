namespace KratosConformance.Harness.Targets;

/// <summary>How a target the harness starts reads the codes from its sink (KC_MAIL_ACCESS, --mail-access).</summary>
public enum MailAccess
{
    /// <summary>The sink's own HTTP API.</summary>
    Http,

    /// <summary>IMAP (smtp4dev only).</summary>
    Imap,

    /// <summary>POP3 (smtp4dev only).</summary>
    Pop3,

    /// <summary>Kratos's admin API (/admin/courier/messages; bodies need --dev).</summary>
    Courier,
}
