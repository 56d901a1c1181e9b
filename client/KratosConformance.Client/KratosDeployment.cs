using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;

namespace KratosConformance.Client;

/// <summary>One running Kratos under test with one configuration profile, and the mailbox its courier writes to.</summary>
public sealed record KratosDeployment(string Profile, KratosEndpoints Endpoints, KratosFacts Facts, IMailboxReader Mailbox)
{
    /// <summary>Reads Kratos's log lines written since a point in time, when the target can (containers, in-process).</summary>
    public Func<DateTimeOffset, CancellationToken, Task<IReadOnlyList<string>>>? ReadLogAsync { get; init; }

    /// <summary>The SMS sink the deployment's courier sends its sms channel to, as this machine reads it; null when there is none.</summary>
    public Uri? SmsSinkUrl { get; init; }
}
