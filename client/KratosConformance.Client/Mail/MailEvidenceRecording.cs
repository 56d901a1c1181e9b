using KratosConformance.Client.Evidence;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Client.Mail;

/// <summary>
/// The one place a mail becomes evidence: a Mail step with sender, recipients, subject, body, the code if it carried
/// one, and the reader that found it, so the report shows what the user received.
/// </summary>
public static class MailEvidenceRecording
{
    /// <summary>Records <paramref name="mail"/> under <paramref name="title"/> ("login-code mail #1 to x@y: Use code …").</summary>
    public static EvidenceStep RecordMail(this EvidenceRecorder evidence, ReceivedMail mail, string title, string reader, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(mail);
        return evidence.Record(new EvidenceStep
        {
            Seq = 0,
            Kind = EvidenceKind.Mail,
            Title = title,
            Mail = new MailEvidence
            {
                From = mail.From,
                To = mail.To,
                Subject = mail.Subject,
                Body = mail.TextBody,
                MessageId = mail.MessageId,
                Code = code,
                Reader = reader,
            },
        });
    }

    /// <summary>The login-code mail <paramref name="nth"/> to <paramref name="recipient"/>, with its code.</summary>
    public static EvidenceStep RecordLoginCodeMail(this EvidenceRecorder evidence, LoginCodeMail mail, int nth, string recipient, string reader)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return evidence.RecordMail(mail.Mail, $"login-code mail #{nth} to {recipient}: {mail.Mail.Subject}", reader, mail.Code);
    }
}
