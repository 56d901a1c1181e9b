using KratosConformance.Client.Evidence;
using KratosConformance.Client.Mail;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Client.Mail;

/// <summary>Records a login-code mail as a Mail evidence step: the report shows what arrived, from whom, and the code.</summary>
public static class MailEvidenceRecording
{
    public static EvidenceStep RecordLoginCodeMail(this EvidenceRecorder evidence, LoginCodeMail mail, int nth, string recipient, string reader)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(mail);
        return evidence.Record(new EvidenceStep
        {
            Seq = 0,
            Kind = EvidenceKind.Mail,
            Title = $"login-code mail #{nth} to {recipient}: {mail.Mail.Subject}",
            Mail = new MailEvidence
            {
                From = mail.Mail.From,
                To = mail.Mail.To,
                Subject = mail.Mail.Subject,
                Body = mail.Mail.TextBody,
                MessageId = mail.Mail.MessageId,
                Code = mail.Code,
                Reader = reader,
            },
        });
    }
}
