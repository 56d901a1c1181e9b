using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Mail;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The login-code email (spec §5.5, §2.8 step 4): one mail per send, to the address the code was sent to, in the
/// version's template, with a six-digit code. Users only ever see this mail, so it is part of the contract.
/// The observation <c>o</c> of each check is the response that triggered the send, quoted as the Request line.
/// </summary>
public static partial class MailChecks
{
    /// <summary>Exactly <paramref name="expected"/> mails reached the recipient.</summary>
    public static void Count(Observation o, IReadOnlyList<ReceivedMail> mails, int expected, string why)
    {
        if (mails.Count != expected)
        {
            Check.Fail(CheckFailure.About(
                o,
                Invariant($"{mails.Count} mails instead of {expected}"),
                "the mailbox of the test identity",
                Invariant($"hold exactly {expected} mail(s) ({why})"),
                Invariant($"it held {mails.Count}"),
                expected.ToString(CultureInfo.InvariantCulture),
                Describe(mails)));
        }
    }

    /// <summary>The mail went to the address the code was sent to, and only there.</summary>
    public static void Recipient(Observation o, ReceivedMail mail, string address)
    {
        if (mail.To.Count != 1 || !string.Equals(mail.To[0], address, StringComparison.OrdinalIgnoreCase))
        {
            Check.Fail(CheckFailure.About(
                o,
                "mail to the wrong recipients",
                "the login-code mail's recipients",
                "be exactly " + address + " (the chosen code address, spec §2.8 step 4)",
                "they were " + Check.List(mail.To),
                "[" + address + "]",
                Check.List(mail.To)));
        }
    }

    /// <summary>Subject and text body are the version's built-in template (spec §5.5), with the same code in both places.</summary>
    public static string Template(Observation o, ReceivedMail mail, LoginCodeTemplate template)
    {
        if (!template.TryExtract(mail, out var found))
        {
            Check.Fail(CheckFailure.About(
                o,
                "mail does not match the " + template.Name + " template",
                "the login-code mail",
                "match " + template.Expected + " (spec §5.5)",
                "it read subject " + Check.Quote(mail.Subject),
                template.Expected,
                "subject " + Check.Quote(mail.Subject) + ", body " + Check.Quote(mail.TextBody.Trim())));
        }

        return found.Code;
    }

    /// <summary>The body carries exactly one standalone six-digit number (spec §2.8 step 4: CodeLength = 6, numeric).</summary>
    public static void SixDigitCode(Observation o, ReceivedMail mail)
    {
        var numbers = Number().Matches(mail.TextBody).Select(m => m.Value).Distinct().ToList();
        if (numbers.Count != 1 || numbers[0].Length != 6)
        {
            Check.Fail(CheckFailure.About(
                o,
                "no six-digit code in the mail",
                "the code in the mail body",
                "be six numeric digits (spec §2.8 step 4)",
                "found " + Check.List(numbers),
                "NNNNNN",
                Check.List(numbers)));
        }
    }

    private static string Describe(IReadOnlyList<ReceivedMail> mails) =>
        mails.Count == 0 ? "(no mail)" : Check.List(mails.Select(m => Invariant($"{m.ReceivedAt:HH:mm:ss.fff} \"{m.Subject}\"")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\d)\d{4,}(?!\d)")]
    private static partial Regex Number();
}
