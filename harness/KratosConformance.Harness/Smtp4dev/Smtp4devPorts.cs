using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Smtp4dev;

/// <summary>
/// The ports smtp4dev 3.15 bound when started with port 0, from the lines it logs at start:
/// "SMTP Server is listening on port 43545 (127.0.0.1)…", "IMAP Server is listening on port …", "POP3 Server is
/// listening on port …" and ASP.NET Core's "Now listening on: http://127.0.0.1:36607".
/// </summary>
internal sealed partial class Smtp4devPorts
{
    private readonly Lock _gate = new();

    public int? Smtp { get; private set; }

    public int? Imap { get; private set; }

    public int? Pop3 { get; private set; }

    public int? Http { get; private set; }

    private bool Complete
    {
        get
        {
            lock (_gate)
            {
                return Smtp is not null && Imap is not null && Pop3 is not null && Http is not null;
            }
        }
    }

    /// <summary>Takes one line of smtp4dev's output.</summary>
    public void Read(string line)
    {
        if (ServerLine().Match(line) is { Success: true } server)
        {
            var port = int.Parse(server.Groups["port"].Value, CultureInfo.InvariantCulture);
            lock (_gate)
            {
                switch (server.Groups["server"].Value)
                {
                    case "SMTP": Smtp ??= port; break;
                    case "IMAP": Imap ??= port; break;
                    default: Pop3 ??= port; break;
                }
            }
        }
        else if (HttpLine().Match(line) is { Success: true } http)
        {
            lock (_gate)
            {
                Http ??= int.Parse(http.Groups["port"].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Waits until all four ports were logged, within <paramref name="deadline" />; fails at once when smtp4dev exits.</summary>
    public Task WaitAsync(Process process, ProcessOutputTail output, Deadline deadline, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            _ => process.HasExited
                ? throw new Smtp4devStartException($"smtp4dev exited with code {process.ExitCode} before it listened.{Environment.NewLine}{output.Tail()}")
                : Task.FromResult(Complete),
            complete => complete,
            new PollOptions($"smtp4dev (PID {process.Id}) to log its SMTP, IMAP, POP3 and HTTP ports", deadline) { Interval = TimeSpan.FromMilliseconds(50) },
            t => new Smtp4devStartException(
                $"smtp4dev (PID {process.Id}) did not log all of its ports within {t.Deadline.Expired} (SMTP {Smtp}, IMAP {Imap}, POP3 {Pop3}, HTTP {Http}). Its output ends:{Environment.NewLine}{output.Tail()}"),
            cancellationToken);

    [GeneratedRegex(@"(?<server>SMTP|IMAP|POP3) Server is listening on port (?<port>\d+)")]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex HttpLine();
}
