namespace KratosConformance.Containers;

/// <summary>What the stack and the mailbox readers need from any mail sink container.</summary>
public interface IMailSinkContainer : IContainer
{
    MailSinkKind Kind { get; }

    /// <summary>The SMTP port inside the Docker network (what Kratos dials), not a host port.</summary>
    ushort InternalSmtpPort { get; }

    /// <summary>The sink's HTTP API/UI as the host reaches it.</summary>
    Uri GetHttpBaseAddress();

    /// <summary>courier.smtp.connection_uri for Kratos on the same network, cleartext (the sinks offer no STARTTLS).</summary>
    string GetKratosConnectionUri(string networkAlias) =>
        string.Create(CultureInfo.InvariantCulture, $"smtp://{networkAlias}:{InternalSmtpPort}/?disable_starttls=true");
}
