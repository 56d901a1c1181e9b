using System.Globalization;
using System.Text;

namespace KratosConformance.Client.Mail;

/// <summary>
/// A <see cref="MailWait"/> ended without the mail it waited for. Each kind says why in its first line, then lists
/// every mail the recipient had, with recipients and subject, and what Kratos's courier said about the address when
/// it was asked. Suites catch this one type and report it as a conformance finding.
/// </summary>
public abstract class MailWaitException : Exception
{
    /// <param name="headline">A report headline, see <see cref="Headline"/>.</param>
    /// <param name="expectation">What was expected, after "Expected ": the wanted mail, and its deadline where one expired.</param>
    /// <param name="finding">What was found instead, after ", but ".</param>
    /// <param name="addendum">Text between the first sentence and the mail listing (a hint, a template excerpt).</param>
    /// <param name="facts">What the wait knew.</param>
    private protected MailWaitException(string headline, string expectation, string finding, string addendum, MailWaitFacts facts)
        : base($"Expected {expectation}, but {finding}.{addendum}{Details(facts)}")
    {
        Headline = headline;
        Finding = finding;
        Wanted = facts.Wanted;
        Reader = facts.Reader;
        Tries = facts.Tries;
        Waited = facts.Waited;
        Seen = facts.Seen;
        Courier = facts.Courier;
        CourierProblem = facts.CourierProblem;
    }

    /// <summary>A report headline: "login-code mail #1 did not arrive", "mail #1 is not a login-code mail".</summary>
    public string Headline { get; }

    /// <summary>What was found instead of the wanted mail, one clause: "the mailbox held 0 mail(s) for the address".</summary>
    public string Finding { get; }

    public WantedMail Wanted { get; }

    public string Recipient => Wanted.Recipient;

    /// <summary>How the mailbox was read, e.g. "smtp4dev over HTTP at 127.0.0.1:5000".</summary>
    public string Reader { get; }

    public int Tries { get; }

    public TimeSpan Waited { get; }

    /// <summary>Every mail to the recipient at the last look, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Seen { get; }

    /// <summary>Kratos's courier queue for the recipient at the last look; null when it was not asked.</summary>
    public IReadOnlyList<CourierMessage>? Courier { get; }

    /// <summary>Why the courier could not be asked, when it could not.</summary>
    public string? CourierProblem { get; }

    /// <summary>The shared tail of every kind: the mails, and the courier's view.</summary>
    private static string Details(MailWaitFacts facts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}Mail to {facts.Wanted.Recipient} ({facts.Reader}, {facts.Tries} look(s) in {facts.Waited.TotalMilliseconds:0} ms):");
        if (facts.Seen.Count == 0)
        {
            text.Append(" none.");
        }

        foreach (var mail in facts.Seen)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  - {mail.ReceivedAt:HH:mm:ss.fff} to={string.Join(",", mail.To)} subject=\"{mail.Subject}\"");
            if (facts.Wanted.Template is { } template)
            {
                text.Append(template.TryExtract(mail, out _) ? " (a login-code mail)" : $" (not a login-code mail: {LoginCodeNotFoundException.Why(template, mail)})");
            }
        }

        if (facts.Courier is { } courier)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}Kratos's courier queue lists {courier.Count} message(s) to {facts.Wanted.Recipient}{(courier.Count == 0 ? "." : ":")}");
            foreach (var message in courier)
            {
                text.Append(Environment.NewLine).Append("  - ").Append(message.Describe());
            }
        }
        else if (facts.CourierProblem is { } problem)
        {
            text.Append(Environment.NewLine).Append("Kratos's courier queue could not be read: ").Append(problem);
        }

        return text.ToString();
    }
}
