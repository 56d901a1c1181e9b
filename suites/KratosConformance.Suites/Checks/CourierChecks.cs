using KratosConformance.Client.Mail;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Kratos's own record of the mail (spec §5.6, GET /admin/courier/messages): one message per send, sent once
/// (send_count 1 against a working sink), of template login_code_valid, and with --dev its subject and body are the
/// mail's. Operators read this queue to answer "did the user get the code"; a record that lies is a broken audit trail.
/// </summary>
public static class CourierChecks
{
    public static readonly CheckDefinition Record = new("courier.record", "each login-code mail has a courier message: status sent, send_count 1, template_type login_code_valid, and with --dev the mail's subject", "mail.subject");

    public static void Recorded(Observation o, IReadOnlyList<CourierMessage> queue, IReadOnlyList<ReceivedMail> mails, bool dev)
    {
        var ok = queue.Count == mails.Count
            && queue.All(m => m.Status == CourierMessage.Sent && m.SendCount == 1 && m.TemplateType == "login_code_valid")
            && (!dev || queue.Select(m => m.Subject).Order(StringComparer.Ordinal).SequenceEqual(mails.Select(m => m.Subject.Trim()).Order(StringComparer.Ordinal), StringComparer.Ordinal));
        var shown = Check.List(queue.Select(m => m.Describe()));
        Check.Verify(o, Record, ok, new FailureText
        {
            Headline = "courier record differs from the mail",
            Subject = "the courier messages of the recipient",
            Expectation = $"be {mails.Count} message(s), each sent with send_count 1 and template_type login_code_valid" + (dev ? ", subjects as mailed" : string.Empty),
            Why = "GET /admin/courier/messages, spec §5.6 (body and subject visible with --dev)",
            Actual = "they were " + shown,
            Expected = Check.List(mails.Select(m => "status=sent send_count=1 template=login_code_valid" + (dev ? $" subject=\"{m.Subject.Trim()}\"" : string.Empty))),
            Observed = shown,
        });
    }
}
