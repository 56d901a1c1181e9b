namespace KratosConformance.Client.Mail;

/// <summary>A login-code mail and the code it carries.</summary>
public sealed record LoginCodeMail(ReceivedMail Mail, string Code);
