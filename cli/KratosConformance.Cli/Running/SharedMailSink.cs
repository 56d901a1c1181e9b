using KratosConformance.Fixtures.Smtp4dev;
using KratosConformance.Fixtures.Targets;

namespace KratosConformance.Cli.Running;

/// <summary>
/// One smtp4dev for many in-process runs (kill matrix, versions, bench): it starts in seconds, the double in
/// milliseconds, so the sink is shared and only the double is restarted per run.
/// </summary>
public sealed class SharedMailSink : IAsyncDisposable
{
    private readonly Smtp4devProcess _process;

    private SharedMailSink(Smtp4devProcess process) => _process = process;

    public static async Task<SharedMailSink> StartAsync(CancellationToken cancellationToken = default) =>
        new(await Smtp4devProcess.StartAsync(cancellationToken).ConfigureAwait(false));

    public Smtp4devProcess Process => _process;

    /// <summary>In-process target settings that send mail to this sink and read it over <paramref name="access"/>.</summary>
    public HarnessSettings InProcessSettings(string evidenceRoot, string access = "http") => new()
    {
        Target = HarnessSettings.TargetInProcess,
        MailUrl = access switch
        {
            "imap" => $"imap://{_process.Host}:{_process.ImapPort}",
            "pop3" => $"pop3://{_process.Host}:{_process.Pop3Port}",
            _ => "smtp4dev+" + _process.HttpBaseUrl.AbsoluteUri.TrimEnd('/'),
        },
        SmtpUri = $"smtp://{_process.Host}:{_process.SmtpPort}/?disable_starttls=true",
        EvidenceRoot = evidenceRoot,
    };

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
