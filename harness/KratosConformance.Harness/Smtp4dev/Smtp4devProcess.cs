using System.Diagnostics;
using System.Net;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Processes;

namespace KratosConformance.Harness.Smtp4dev;

/// <summary>
/// smtp4dev 3.15 as a local process, for the <c>inprocess</c> target and the harness's own tests: loopback only, ports
/// it binds itself (port 0, read back from its log), ended with this process however it ends (<see cref="ParentBoundProcess"/>), in-memory store, its own HOME and TMPDIR under one data folder (an <see cref="OwnedTempDirectory"/>). Stopped with SIGTERM (SIGKILL only after
/// the "smtp4dev stop" deadline), the data folder removed; the .NET diagnostics channel is off, so even a killed
/// smtp4dev leaves no pipes in /tmp.
/// </summary>
public sealed class Smtp4devProcess : IAsyncDisposable
{
    public const string ToolVersion = "3.15.0";

    /// <summary>
    /// The "smtp4dev start" deadline at patience 1, for logging its ports and then answering its API: smtp4dev (ASP.NET
    /// Core, EF Core migrations) starts in 2–3 s on an idle machine; on a 2-core machine shared with other test runs it
    /// took over 20 s (95 self-tests failed on the former 20 s with two CPU burners and other runs beside them), and
    /// over 60 s at a load average of 80 (./kc test --under-load beside four other builds and test runs: 32 self-tests
    /// failed on the former 60 s). It only bounds a start that is not coming, so it costs nothing when all is well.
    /// </summary>
    private static readonly TimeSpan StartBaseline = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly string _dataDir;
    private readonly ProcessOutputTail _output;
    private readonly Patience _patience;

    private Smtp4devProcess(Process process, string dataDir, ProcessOutputTail output, Patience patience, int smtp, int imap, int pop3, Uri http)
    {
        _process = process;
        _dataDir = dataDir;
        _output = output;
        _patience = patience;
        SmtpPort = smtp;
        ImapPort = imap;
        Pop3Port = pop3;
        HttpBaseUrl = http;
    }

    public int Pid => _process.Id;
    public string Host => "127.0.0.1";
    public int SmtpPort { get; }
    public int ImapPort { get; }
    public int Pop3Port { get; }
    public Uri HttpBaseUrl { get; }

    /// <summary>Where it keeps its state and temp files; gone after <see cref="DisposeAsync"/>.</summary>
    public string DataDirectory => _dataDir;

    /// <summary>
    /// Installs the tool under &lt;repo&gt;/.kc/tools/smtp4dev if missing, starts it and waits (within the "smtp4dev
    /// start" deadline, 60 s at patience 1) until its API answers. Its readers bound their requests by <paramref name="patience"/>.
    /// </summary>
    public static async Task<Smtp4devProcess> StartAsync(Patience patience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var executable = await Smtp4devTool.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var dataDir = OwnedTempDirectory.Create("kc-smtp4dev-");
        var tempDir = Directory.CreateDirectory(Path.Combine(dataDir, "tmp")).FullName;

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        foreach (var arg in new[]
        {
            // Port 0 everywhere: smtp4dev binds what the kernel gives it and logs each port (read back below), so no
            // other process can take a port between its choice and its bind.
            $"--baseappdatapath={dataDir}", "--nousersettings", "--db=", "--bindaddress=127.0.0.1",
            "--smtpport=0", "--imapport=0", "--pop3port=0", "--urls=http://127.0.0.1:0",
            // The default keeps only 100 mails per mailbox; a test run sends more, and losing one reads as a Kratos bug.
            "--messagestokeep=100000", "--sessionstokeep=100",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Everything it writes stays in dataDir (it writes a DataProtection key under HOME), and no .NET diagnostics
        // pipes are made in /tmp: those are what a killed .NET process leaves behind.
        start.Environment["HOME"] = dataDir;
        start.Environment["XDG_CONFIG_HOME"] = dataDir;
        start.Environment["TMPDIR"] = tempDir;
        start.Environment["DOTNET_EnableDiagnostics"] = "0";

        // Bound to this process: a run killed outright (SIGKILL) takes its smtp4dev with it.
        var process = await ParentBoundProcess.StartAsync(start).ConfigureAwait(false);
        var ports = new Smtp4devPorts();
        var output = new ProcessOutputTail(process, ports.Read);
        try
        {
            await ports.WaitAsync(process, output, patience.For("smtp4dev start", StartBaseline), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await new Smtp4devProcess(process, dataDir, output, patience, 0, 0, 0, new Uri("http://127.0.0.1/")).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var running = new Smtp4devProcess(process, dataDir, output, patience, ports.Smtp!.Value, ports.Imap!.Value, ports.Pop3!.Value, new Uri($"http://127.0.0.1:{ports.Http}/"));
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

    public Smtp4devHttpMailbox CreateHttpMailbox(bool useNotifications = true) => new(HttpBaseUrl, null, useNotifications, _patience);

    public ImapMailbox CreateImapMailbox() => new(new MailServerCredentials(Host, ImapPort), _patience);

    public Pop3Mailbox CreatePop3Mailbox() => new(new MailServerCredentials(Host, Pop3Port), _patience);

    /// <summary>SIGTERM, SIGKILL after the "smtp4dev stop" deadline (10 s at patience 1), then the data folder removed.</summary>
    public async ValueTask DisposeAsync()
    {
        await ChildProcessStop.StopAsync(_process, _patience.For("smtp4dev stop", TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        _process.Dispose();
        // A folder still in use is left; the next run removes it once this process is gone (OwnedTempDirectory).
        OwnedTempDirectory.TryDelete(_dataDir);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var probe = new Uri(HttpBaseUrl, "api/messages");
        var request = _patience.For("smtp4dev request", TimeSpan.FromSeconds(2));
        await Poll.UntilAsync(
            async ct =>
            {
                if (_process.HasExited)
                {
                    throw new Smtp4devStartException($"smtp4dev exited with code {_process.ExitCode} before answering {probe}.{Environment.NewLine}{_output.Tail()}");
                }

                try
                {
                    return await request.RunAsync($"GET {probe}", async t =>
                    {
                        using var response = await http.GetAsync(probe, t).ConfigureAwait(false);
                        return response.StatusCode;
                    }, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or DeadlineExpiredException)
                {
                    // Not listening yet, or still starting up: the next look decides.
                    return (HttpStatusCode)0;
                }
            },
            status => status == HttpStatusCode.OK,
            new PollOptions($"smtp4dev (PID {_process.Id}) to answer GET {probe}", _patience.For("smtp4dev start", StartBaseline)) { Interval = TimeSpan.FromMilliseconds(100) },
            t => new Smtp4devStartException(
                $"smtp4dev (PID {_process.Id}) did not answer GET {probe} with 200 within {t.Deadline.Expired} ({t.Tries} tries, last: {(int)t.Last}). Its output ends:{Environment.NewLine}{_output.Tail()}"),
            cancellationToken).ConfigureAwait(false);
    }
}
