using System.Diagnostics;
using System.Net;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;

namespace KratosConformance.Harness.Smtp4dev;

/// <summary>
/// smtp4dev 3.15 as a local process, for the <c>inprocess</c> target and the harness's own tests: loopback only, free
/// ports, in-memory store, its own HOME (it writes a DataProtection key there), killed by PID on dispose.
/// </summary>
public sealed class Smtp4devProcess : IAsyncDisposable
{
    public const string ToolVersion = "3.15.0";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly string dataDir;
    private readonly ProcessOutputTail output;

    private Smtp4devProcess(Process process, string dataDir, ProcessOutputTail output, int smtp, int imap, int pop3, Uri http)
    {
        this.process = process;
        this.dataDir = dataDir;
        this.output = output;
        SmtpPort = smtp;
        ImapPort = imap;
        Pop3Port = pop3;
        HttpBaseUrl = http;
    }

    public int Pid => process.Id;
    public string Host => "127.0.0.1";
    public int SmtpPort { get; }
    public int ImapPort { get; }
    public int Pop3Port { get; }
    public Uri HttpBaseUrl { get; }

    /// <summary>Installs the tool under &lt;repo&gt;/.kc/tools/smtp4dev if missing, starts it and waits until its API answers.</summary>
    public static async Task<Smtp4devProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = await Smtp4devTool.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var dataDir = Directory.CreateTempSubdirectory("kc-smtp4dev-").FullName;
        int smtp = FreePort.Pick(), imap = FreePort.Pick(), pop3 = FreePort.Pick(), web = FreePort.Pick();
        var http = new Uri($"http://127.0.0.1:{web}/");

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        foreach (var arg in new[]
        {
            $"--baseappdatapath={dataDir}", "--nousersettings", "--db=", "--bindaddress=127.0.0.1",
            $"--smtpport={smtp}", $"--imapport={imap}", $"--pop3port={pop3}", $"--urls=http://127.0.0.1:{web}",
            // The default keeps only 100 mails per mailbox; a test run sends more, and losing one reads as a Kratos bug.
            "--messagestokeep=100000", "--sessionstokeep=100",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = dataDir;
        start.Environment["XDG_CONFIG_HOME"] = dataDir;

        var process = Process.Start(start) ?? throw new Smtp4devStartException($"Could not start {executable}.");
        var output = new ProcessOutputTail(process);
        var running = new Smtp4devProcess(process, dataDir, output, smtp, imap, pop3, http);
        try
        {
            await running.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return running;
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Smtp4devHttpMailbox CreateHttpMailbox(bool useNotifications = true) => new(HttpBaseUrl, null, useNotifications);

    public ImapMailbox CreateImapMailbox() => new(new MailServerCredentials(Host, ImapPort));

    public Pop3Mailbox CreatePop3Mailbox() => new(new MailServerCredentials(Host, Pop3Port));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        process.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a test run for.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var probe = new Uri(HttpBaseUrl, "api/messages");
        await Poll.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new Smtp4devStartException($"smtp4dev exited with code {process.ExitCode} before answering {probe}.{Environment.NewLine}{output.Tail()}");
                }

                try
                {
                    using var response = await http.GetAsync(probe, ct).ConfigureAwait(false);
                    return response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    return (HttpStatusCode)0;
                }
            },
            status => status == HttpStatusCode.OK,
            new PollOptions($"smtp4dev (PID {process.Id}) to answer GET {probe}", StartDeadline) { Interval = TimeSpan.FromMilliseconds(100) },
            t => new Smtp4devStartException(
                $"smtp4dev (PID {process.Id}) did not answer GET {probe} with 200 within {t.Waited.TotalSeconds:0.0} s ({t.Tries} tries, last: {(int)t.Last}). Its output ends:{Environment.NewLine}{output.Tail()}"),
            cancellationToken).ConfigureAwait(false);
    }
}
