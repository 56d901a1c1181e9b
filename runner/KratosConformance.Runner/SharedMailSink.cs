using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Runner;

/// <summary>
/// One smtp4dev for many in-process runs (kill matrix, versions, bench): it starts in seconds, so it is started once
/// and emptied between runs.
/// </summary>
public sealed class SharedMailSink : IAsyncDisposable
{
    private readonly Smtp4devProcess _process;

    private SharedMailSink(Smtp4devProcess process) => _process = process;

    public static async Task<SharedMailSink> StartAsync(CancellationToken cancellationToken = default) =>
        new(await Smtp4devProcess.StartAsync(KratosConformance.Client.Waiting.Patience.Default, cancellationToken).ConfigureAwait(false));

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
        // The default mail deadline: a passing run never waits it out, and a deviation that sends no usable mail is
        // reported at once from the courier's queue, so a shorter one would only make a loaded machine fail the runs.
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
