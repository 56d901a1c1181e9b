using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The login-code email (spec §5.5, §2.8 step 4): one mail per send, from the configured sender to the address the
/// code was sent to, in the version's template with the configured lifespan, with a six-digit code. Users only ever
/// see this mail, so it is part of the contract. The observation <c>o</c> of each check is the response that
/// triggered the send, quoted as the Request line.
/// </summary>
public static partial class MailChecks
{
    public static readonly CheckDefinition CountIs = new("mail.count", "each send adds exactly one mail for the address", "mail.to");
    public static readonly CheckDefinition RecipientIs = new("mail.recipient", "the mail goes to the chosen address and only there", "mail.to");
    public static readonly CheckDefinition TemplateIs = new("mail.template", "subject and text body are the version's built-in login_code_valid template, the same code in both", "mail.subject", "mail.body");
    public static readonly CheckDefinition CodeShape = new("mail.code", "the body carries exactly one six-digit numeric code", "mail.body");
    public static readonly CheckDefinition Expiry = new("mail.expiry", "v25.4.0+: the body says the code expires in the configured lifespan, in minutes", "mail.body");
    public static readonly CheckDefinition Sender = new("mail.from", "the mail comes from courier.smtp.from_address, named courier.smtp.from_name or not at all", "mail.from");
    public static readonly CheckDefinition PartsAre = new("mail.parts", "the mail has a text/plain and a text/html part (the template's email.body.plaintext.gotmpl and email.body.gotmpl), the code in both", "mail.body");

    /// <summary>
    /// Kratos's SMTP channel sends the plaintext template as text/plain and the HTML template as text/html alternative
    /// (courier/smtp_channel.go: SetBody("text/plain"), AddAlternative("text/html"); courier/template/courier/builtin/templates/login_code/valid),
    /// and both carry the code; a mail client shows one of them. A reader that sees no parts (the courier API) has
    /// nothing to check.
    /// </summary>
    public static void Parts(Observation o, ReceivedMail mail, string code)
    {
        if (mail.Parts is not { } parts)
        {
            return;
        }

        var htmlHasCode = mail.HtmlBody?.Contains(code, StringComparison.Ordinal) == true;
        Check.Verify(o, PartsAre, parts.Text && parts.Html && htmlHasCode, new FailureText
        {
            Headline = !parts.Text ? "no text/plain part in the mail" : !parts.Html ? "no text/html part in the mail" : "the code is not in the mail's HTML part",
            Subject = "the body parts of the login-code mail",
            Expectation = "be a text/plain and a text/html part, both with code " + code,
            Why = "courier/smtp_channel.go sends the template's plaintext and HTML bodies as alternatives, spec §5.5",
            Actual = $"text/plain {(parts.Text ? "present" : "absent")}, text/html {(parts.Html ? (htmlHasCode ? "present with the code" : "present without the code") : "absent")}",
            Expected = "text/plain and text/html, the code in both",
            Observed = mail.HtmlBody ?? "(no HTML part)",
        });
    }

    /// <summary>Exactly <paramref name="expected"/> mails reached the recipient.</summary>
    public static void Count(Observation o, IReadOnlyList<ReceivedMail> mails, int expected, string why) =>
        Check.Verify(o, CountIs, mails.Count == expected, new FailureText
        {
            Headline = Invariant($"{mails.Count} mails instead of {expected}"),
            Subject = "the mailbox of the test identity",
            Expectation = Invariant($"hold exactly {expected} mail(s)"),
            Why = why,
            Actual = Invariant($"it held {mails.Count}"),
            Expected = expected.ToString(CultureInfo.InvariantCulture),
            Observed = Describe(mails),
        });

    /// <summary>The mail went to the address the code was sent to, and only there.</summary>
    public static void Recipient(Observation o, ReceivedMail mail, string address) =>
        Check.Verify(o, RecipientIs, mail.To.Count == 1 && string.Equals(mail.To[0], address, StringComparison.OrdinalIgnoreCase), new FailureText
        {
            Headline = "mail to the wrong recipients",
            Subject = "the login-code mail's recipients",
            Expectation = "be exactly " + address,
            Why = "the chosen code address, spec §2.8 step 4",
            Actual = "they were " + Check.List(mail.To),
            Expected = "[" + address + "]",
            Observed = Check.List(mail.To),
        });

    /// <summary>Subject and text body are the version's built-in template (spec §5.5), with the same code in both places.</summary>
    public static string Template(Observation o, ReceivedMail mail, LoginCodeTemplate template)
    {
        var text = new FailureText
        {
            Headline = "mail does not match the " + template.Name + " template",
            Subject = "the login-code mail",
            Expectation = "match " + template.Expected,
            Why = "spec §5.5",
            Actual = "it read subject " + Check.Quote(mail.Subject),
            Expected = template.Expected,
            Observed = "subject " + Check.Quote(mail.Subject) + ", body " + Check.Quote(mail.TextBody.Trim()),
        };
        if (!template.TryExtract(mail, out var found))
        {
            Check.Require(o, TemplateIs, text);
        }

        Check.Passed(o, TemplateIs, text);
        return found.Code;
    }

    /// <summary>The body carries exactly one standalone six-digit number (spec §2.8 step 4: CodeLength = 6, numeric).</summary>
    public static void SixDigitCode(Observation o, ReceivedMail mail)
    {
        var numbers = Number().Matches(mail.TextBody).Select(m => m.Value).Distinct().ToList();
        Check.Verify(o, CodeShape, numbers.Count == 1 && numbers[0].Length == 6, new FailureText
        {
            Headline = "no six-digit code in the mail",
            Subject = "the code in the mail body",
            Expectation = "be six numeric digits",
            Why = "spec §2.8 step 4",
            Actual = "found " + Check.List(numbers),
            Expected = "NNNNNN",
            Observed = Check.List(numbers),
        });
    }

    /// <summary>
    /// v25.4.0+: "It expires in N minutes." with N the code lifespan in minutes (spec §5.5 ExpiresInMinutes); older
    /// templates say nothing about it.
    /// </summary>
    public static void ExpiresInLifespan(Observation o, ReceivedMail mail, KratosFacts facts)
    {
        if (facts.Version < Client.Versions.KratosVersion.V25_4_0)
        {
            return;
        }

        var minutes = ((int)Math.Round(facts.CodeLifespan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        var said = Minutes().Match(mail.TextBody) is { Success: true } m ? m.Groups["n"].Value : null;
        Check.Verify(o, Expiry, said == minutes, new FailureText
        {
            Headline = "mail states another lifespan",
            Subject = "\"It expires in N minutes.\" of the mail",
            Expectation = "name " + minutes + " minutes",
            Why = "selfservice.methods.code.config.lifespan " + facts.CodeLifespan + ", spec §5.5",
            Actual = "it said " + (said ?? "nothing"),
            Expected = minutes,
            Observed = said ?? "(no expiry sentence)",
        });
    }

    /// <summary>
    /// From is courier.smtp.from_address, with courier.smtp.from_name as its display name, or none when from_name is
    /// unset (spec §5.5: <c>from_address</c>, or "<c>from_name</c> &lt;from_address&gt;"). The name is judged where the
    /// reader sees the header and the configuration is known.
    /// </summary>
    public static void From(Observation o, ReceivedMail mail, KratosFacts facts)
    {
        var name = facts.CourierFromName ?? string.Empty;
        var judgeName = mail.FromName is not null && facts.FromConfig;
        var expected = name.Length == 0 ? facts.CourierFromAddress : $"\"{name}\" <{facts.CourierFromAddress}>";
        var observed = string.IsNullOrEmpty(mail.FromName) ? mail.From : $"\"{mail.FromName}\" <{mail.From}>";
        Check.Verify(o, Sender, mail.From.Contains(facts.CourierFromAddress, StringComparison.OrdinalIgnoreCase) && (!judgeName || mail.FromName == name), new FailureText
        {
            Headline = "mail from another sender",
            Subject = "the mail's From",
            Expectation = "be " + expected + (judgeName ? string.Empty : " (display name not judged: " + (mail.FromName is null ? "the reader does not see the header" : "the configuration is not known") + ")"),
            Why = name.Length == 0 ? "courier.smtp.from_address, and no display name without courier.smtp.from_name, spec §5.1, §5.5" : "courier.smtp.from_name <courier.smtp.from_address>, spec §5.1, §5.5",
            Actual = "it was " + Check.Quote(observed),
            Expected = expected,
            Observed = observed,
        });
    }

    private static string Describe(IReadOnlyList<ReceivedMail> mails) =>
        mails.Count == 0 ? "(no mail)" : Check.List(mails.Select(m => Invariant($"{m.ReceivedAt:HH:mm:ss.fff} \"{m.Subject}\"")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\d)\d{4,}(?!\d)")]
    private static partial Regex Number();

    [GeneratedRegex(@"It expires in (?<n>\d+) minutes?\.")]
    private static partial Regex Minutes();
}
