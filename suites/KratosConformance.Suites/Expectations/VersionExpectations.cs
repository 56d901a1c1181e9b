using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Suites.Expectations;

/// <summary>
/// What the spec says a given Kratos version (and the deployment's configuration facts) does, wherever versions
/// differ (spec §7). Tests never branch on version numbers themselves: they ask this, so every version difference
/// lives in one place with its spec section.
/// </summary>
public sealed class VersionExpectations
{
    /// <summary>Text of 1010014 from v25.4.0 on (spec §1.1).</summary>
    public const string CodeSentText = "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.";

    /// <summary>Text of 1010014 in v1.1 – v1.3.x (spec §1.1).</summary>
    public const string LegacyCodeSentText = "An email containing a code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and retry the login.";

    /// <summary>Text of 1010025, after v26.2.0 only (spec §1.1).</summary>
    public const string AuthenticatedCodeSentText = "A code was sent to your address. If you didn't receive it, please try again.";

    /// <summary>4000001's text when max_submissions is exceeded (spec §2.11).</summary>
    public const string TooManySubmissionsText = "The request was submitted too often. Please request another code.";

    /// <summary>4000001's text when a session already satisfies the flow (spec §1.3, §2.12, §2.13).</summary>
    public const string ValidSessionText = "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?";

    private VersionExpectations(KratosFacts facts)
    {
        Facts = facts;
        Version = facts.Version;
    }

    public KratosFacts Facts { get; }
    public KratosVersion Version { get; }

    /// <summary>
    /// Why the suites do not cover this version, or null. Before v1.3.0 the MFA UI was a text identifier with hint
    /// 1010020 and a `via` parameter (spec §7, v1.1.0/v1.2.0), and code did not count towards highest_available (§4.1):
    /// a different protocol the suites do not encode.
    /// </summary>
    public string? UnsupportedReason => Version < new KratosVersion(1, 3, 0)
        ? $"Kratos {Version} uses the legacy code-MFA UI (via + text identifier with 1010020/1010019, spec §7 v1.1.0/v1.2.0); the suites cover v1.3.0 and later"
        : null;

    /// <summary>v26.2.0+: creating an aal2 flow for an identity whose only MFA is one code address sends the code at once (spec §2.6 fast path).</summary>
    public bool AutoSendsAal2 => Version >= KratosVersion.V26_2_0;

    /// <summary>The info message of sent_email on an aal2 flow: 1010025 after v26.2.0, 1010014 up to v26.2.0 (spec §1.1, §2.9).</summary>
    public long CodeSentMessageId => Version > KratosVersion.V26_2_0 ? 1010025 : 1010014;

    /// <summary>The text of <see cref="CodeSentMessageId"/> in this version (spec §1.1; 1010014 changed in v25.4.0).</summary>
    public string CodeSentMessageText =>
        Version > KratosVersion.V26_2_0 ? AuthenticatedCodeSentText
        : Version >= KratosVersion.V25_4_0 ? CodeSentText
        : LegacyCodeSentText;

    /// <summary>attributes.autocomplete of the code input: "one-time-code" after v26.2.0 (commit f4a876dc1), none before (spec §2.9, §7).</summary>
    public string CodeInputAutocomplete => Version > KratosVersion.V26_2_0 ? "one-time-code" : string.Empty;

    /// <summary>
    /// Attempts evaluated per flow before 4000001: selfservice.methods.code.config.max_submissions from v25.4.0,
    /// hard-coded 5 before (spec §2.11, §5.1).
    /// </summary>
    public int MaxSubmissions => Version >= KratosVersion.V25_4_0 ? Facts.MaxSubmissions : 5;

    /// <summary>Spec §2.12.</summary>
    public ExpiredCodeOutcome ExpiredCode => Version > KratosVersion.V26_2_0 ? ExpiredCodeOutcome.InlineCodeInvalid : ExpiredCodeOutcome.ValidSessionOnOldFlow;

    /// <summary>The login-code email of this version (spec §5.5).</summary>
    public LoginCodeTemplate MailTemplate => LoginCodeTemplates.For(Version);

    /// <summary>session.whoami.required_aal is highest_available (the default, spec §4.1).</summary>
    public bool WhoamiRequiresHighestAvailable => Facts.WhoamiRequiredAal == "highest_available";

    /// <summary>
    /// Up to v1.3.1 the code strategy counts an active second factor for every identity whenever
    /// selfservice.methods.code.mfa_enabled is on, with or without a code address (code/strategy.go
    /// CountActiveMultiFactorCredentials, docs/kratos-facts.md); from v25.4.0 only an identity with a code address
    /// counts, which the optional code-MFA variant rests on (factors spec §9, §12).
    /// </summary>
    public bool CodeMfaCountsEveryIdentity => Facts.CodeMfaEnabled && Version < KratosVersion.V25_4_0;

    /// <summary>The recovery-code email of this version (factors spec §8; docs/kratos-facts.md).</summary>
    public LoginCodeTemplate RecoveryMailTemplate => RecoveryCodeTemplates.For(Version);

    /// <summary>
    /// The label of the password form's identifier input (selfservice/flow/login/extension_identifier_label.go): 1070002
    /// with the title of the one trait that names the identifier, else 1070004 "ID". From v25.4.0 every identifier path
    /// counts and the one must have a title, and the label's context carries the trait's path as <c>name</c> (commit
    /// 8c7a3dc5e); up to v1.3.1 only titled traits count and the context holds the title alone (docs/kratos-facts.md
    /// "the label of the identifier input"). Null when the identity schema is not known.
    /// </summary>
    public NodeLabel? IdentifierLabel
    {
        get
        {
            if (Facts.IdentifierTraits is not { } traits)
            {
                return null;
            }

            var current = Version >= KratosVersion.V25_4_0;
            var candidates = current ? traits : traits.Where(t => !string.IsNullOrEmpty(t.Title)).ToList();
            if (candidates is [{ Title: { Length: > 0 } title } one])
            {
                var context = new Dictionary<string, string> { ["title"] = title };
                if (current)
                {
                    context["name"] = one.Path;
                }

                return new NodeLabel(1070002, title, context);
            }

            return new NodeLabel(1070004, "ID", new Dictionary<string, string>());
        }
    }

    public static VersionExpectations For(KratosFacts facts) => new(facts ?? throw new ArgumentNullException(nameof(facts)));

    public override string ToString() => $"Kratos {Version} expectations";
}

/// <summary>A node label as the spec catalogues it: message id, text and the context keys it must carry.</summary>
public sealed record NodeLabel(long Id, string Text, IReadOnlyDictionary<string, string> Context);
