using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Runner;

/// <summary>
/// One smtp4dev for many in-process runs: the bench's runs and readers (HTTP, IMAP, POP3). It starts in seconds, so it
/// is started once. (The kill matrix and the mutation runs use in-memory sinks: <see cref="KillMatrix"/>,
/// KC_MAIL_IN_MEMORY.)
/// </summary>
public sealed class SharedMailSink : IAsyncDisposable
{
    private readonly Smtp4devProcess _process;
    private readonly Patience _patience;

    private SharedMailSink(Smtp4devProcess process, Patience patience)
    {
        _process = process;
        _patience = patience;
    }

    public static Task<SharedMailSink> StartAsync(CancellationToken cancellationToken = default) => StartAsync(Patience.Default, cancellationToken);

    /// <summary>Starts the sink; the runs it serves get <paramref name="patience"/> (every deadline, the mail's too).</summary>
    public static async Task<SharedMailSink> StartAsync(Patience patience, CancellationToken cancellationToken = default) =>
        new(await Smtp4devProcess.StartAsync(patience, cancellationToken).ConfigureAwait(false), patience);

    public Smtp4devProcess Process => _process;

    /// <summary>In-process target settings that send mail to this sink and read it over <paramref name="access"/>.</summary>
    public HarnessSettings InProcessSettings(string evidenceRoot, MailAccess access = MailAccess.Http) => new()
    {
        Target = TargetKind.InProcess,
        MailUrl = access switch
        {
            MailAccess.Imap => $"imap://{_process.Host}:{_process.ImapPort}",
            MailAccess.Pop3 => $"pop3://{_process.Host}:{_process.Pop3Port}",
            _ => "smtp4dev+" + _process.HttpBaseUrl.AbsoluteUri.TrimEnd('/'),
        },
        SmtpUri = $"smtp://{_process.Host}:{_process.SmtpPort}/?disable_starttls=true",
        EvidenceRoot = evidenceRoot,
        Patience = _patience,
    };

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
