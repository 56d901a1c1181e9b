using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Runner;

/// <summary>
/// One smtp4dev for many in-process runs (kill matrix, versions, bench): it starts in seconds, the double in
/// milliseconds, so the sink is shared and only the double is restarted per run.
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
        // The harness's mail deadline (10 s at patience 1): a deviation that sends no mail fails its wait at once
        // (the courier queued nothing), so a short one bought no speed; under load (2 cores, 40 runnable processes)
        // 3 s let 16 and 22 tests of the version runs fail with "login-code mail did not arrive".
        Patience = _patience,
    };

    /// <summary>
    /// Empties the mailbox between runs: smtp4dev's search scans every stored mail, so a sink that keeps the mail of
    /// twenty earlier runs answers each poll more slowly. Runs are sequential and use their own addresses.
    /// </summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.DeleteAsync(new Uri(_process.HttpBaseUrl, "api/messages/*"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
