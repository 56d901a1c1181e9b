namespace KratosConformance.Client.Kratos;

/// <summary>
/// The fields of one login submission, posted as a form (browser) or JSON (SPA, native). The csrf_token is added from
/// the flow unless <see cref="IncludeCsrfToken"/> is false or <see cref="CsrfTokenOverride"/> replaces it, so CSRF
/// tests can tamper with exactly that and nothing else.
/// </summary>
public sealed record LoginSubmission
{
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public bool IncludeCsrfToken { get; init; } = true;
    public string? CsrfTokenOverride { get; init; }

    /// <summary>The browser's address-button press: <c>address=&lt;addr&gt;</c> with no method (spec §2.8).</summary>
    public static LoginSubmission SendCodeTo(string address) => Of(("address", address));

    /// <summary><c>method=code&amp;code=…</c>; identifier is optional for AAL2 (the session's identity is used, spec §2.9).</summary>
    public static LoginSubmission Code(string code, string? identifier = null) =>
        identifier is null ? Of(("method", "code"), ("code", code)) : Of(("method", "code"), ("code", code), ("identifier", identifier));

    /// <summary><c>method=code&amp;resend=code&amp;identifier=…</c> (spec §2.10).</summary>
    public static LoginSubmission Resend(string identifier) => Of(("method", "code"), ("resend", "code"), ("identifier", identifier));

    /// <summary><c>method=totp&amp;totp_code=…</c>: the TOTP form of an aal2 flow (factors spec §3.5).</summary>
    public static LoginSubmission Totp(string code) => Of(("method", "totp"), ("totp_code", code));

    /// <summary><c>method=lookup_secret&amp;lookup_secret=…</c>: the backup-code form of an aal2 flow (factors spec §4.4).</summary>
    public static LoginSubmission LookupSecret(string code) => Of(("method", "lookup_secret"), ("lookup_secret", code));

    /// <summary>
    /// What Kratos's webauthn.js posts from an aal2 form (factors spec §5.5): the hidden <c>identifier</c> and the
    /// authenticator's answer in <c>webauthn_login</c>; no method (the strategy takes webauthn_login alone).
    /// </summary>
    public static LoginSubmission WebAuthn(string identifier, string assertion) => Of(("identifier", identifier), ("webauthn_login", assertion));

    /// <summary>The password first factor.</summary>
    public static LoginSubmission Password(string identifier, string password) =>
        Of(("method", "password"), ("identifier", identifier), ("password", password));

    /// <summary>A copy with one field set (added or replaced).</summary>
    public LoginSubmission With(string field, string value)
    {
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal) { [field] = value };
        return this with { Fields = fields };
    }

    /// <summary>A copy without one field.</summary>
    public LoginSubmission Without(string field)
    {
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        fields.Remove(field);
        return this with { Fields = fields };
    }

    private static LoginSubmission Of(params (string Name, string Value)[] fields) =>
        new() { Fields = fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal) };
}
