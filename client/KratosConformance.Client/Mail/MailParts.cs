namespace KratosConformance.Client.Mail;

/// <summary>Whether a mail carried a text/plain part (<paramref name="Text"/>) and a text/html part (<paramref name="Html"/>).</summary>
public sealed record MailParts(bool Text, bool Html);
