using System.Diagnostics;
using System.Security.Cryptography;
using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Targets;
using MailKit.Net.Smtp;
using MimeKit;

namespace KratosConformance.Bench;

/// <summary>
/// How long each mailbox reader takes to see a login code once the sink has it. For smtp4dev's readers the clock
/// starts when MailKit's SMTP send completes (smtp4dev answered DATA: the mail is stored); for the courier admin API
/// it starts when Kratos answers the request that queued the mail. Each reader is warmed up once first (connections,
/// SignalR hub), as it is after a suite's first test.
/// </summary>
public static class MailLatencyBench
{
    public static async Task<IReadOnlyList<MailLatency>> RunAsync(Smtp4devProcess sink, KratosDeployment? local, int samples, Patience patience, TextWriter console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var timeout = patience.For("login-code mail", TimeSpan.FromSeconds(10));
        var results = new List<MailLatency>();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(sink.Host, sink.SmtpPort, MailKit.Security.SecureSocketOptions.None, ct);
        var readers = new (string Name, Func<IMailboxReader> Create)[]
        {
            ("smtp4dev HTTP (SignalR)", () => sink.CreateHttpMailbox()),
            ("smtp4dev HTTP (50 ms poll)", () => sink.CreateHttpMailbox(useNotifications: false)),
            ("smtp4dev IMAP", sink.CreateImapMailbox),
            ("smtp4dev POP3", sink.CreatePop3Mailbox),
        };
        foreach (var (name, create) in readers)
        {
            await using var reader = create();
            results.Add(await MeasureAsync(name, "SMTP DATA accepted by smtp4dev", samples, async (clock, token) =>
            {
                var recipient = IdentityFactory.NewAddress("mail-latency");
                var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
                await smtp.SendAsync(LoginCodeMessage(recipient, code), token);
                clock.Restart();
                var found = await reader.WaitForLoginCodeAsync(recipient, 1, KratosVersion.V26_2_0, timeout, null, token);
                return found.Code == code ? clock.Elapsed.TotalMilliseconds : throw new BenchFlowException($"expected code {code}, but the reader returned {found.Code}");
            }, ct));
            console.WriteLine($"  mail: {name} measured");
        }

        await smtp.DisconnectAsync(true, ct);
        results.Add(local is null
            ? new MailLatency { Reader = "courier admin API", From = "-", Skipped = "skipped: no local double" }
            : await CourierAsync(local, samples, timeout, ct));
        results.Add(new MailLatency { Reader = "Mailpit / MailHog HTTP", From = "-", Skipped = "skipped: no Mailpit or MailHog runs here (containers target only)" });
        return results;
    }

    /// <summary>A mail in the current (v25.4.0+) login_code_valid template, so the readers parse it as they parse Kratos's.</summary>
    private static MimeMessage LoginCodeMessage(string recipient, string code)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("no-reply@ory.kratos.sh"));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = $"Use code {code} to log in";
        message.Body = new TextPart("plain") { Text = $"Login to your account with the following code:\n\n{code}\n\nIt expires in 15 minutes.\n" };
        return message;
    }

    private static async Task<MailLatency> CourierAsync(KratosDeployment local, int samples, Deadline timeout, CancellationToken ct)
    {
        await using var reader = new CourierApiMailbox(local.Endpoints.AdminUrl);
        var evidence = EvidenceRecorder.Discarding();
        return await MeasureAsync("courier admin API", "Kratos answered the request that queued the mail", samples, async (clock, token) =>
        {
            var identity = await new IdentityFactory(local.Endpoints, evidence).CreateAsync("mail-latency.courier", token);
            try
            {
                using var client = KratosClient.Create(ClientStyle.Native, local.Endpoints, evidence, local.Facts);
                await client.SignInWithPasswordAsync(identity.Email, identity.Password, token);
                var created = await client.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor, token);
                if (created.Flow is { State: not "sent_email" } flow)
                {
                    await client.SubmitLoginAsync(flow, LoginSubmission.SendCodeTo(identity.Email), token);
                }

                clock.Restart();
                await reader.WaitForLoginCodeAsync(identity.Email, 1, local.Facts.Version, timeout, null, token);
                return clock.Elapsed.TotalMilliseconds;
            }
            finally
            {
                await identity.DisposeAsync();
            }
        }, ct);
    }

    private static async Task<MailLatency> MeasureAsync(string reader, string from, int samples, Func<Stopwatch, CancellationToken, Task<double>> once, CancellationToken ct)
    {
        var times = new List<double>();
        try
        {
            await once(new Stopwatch(), ct);
            for (var i = 0; i < samples; i++)
            {
                times.Add(await once(new Stopwatch(), ct));
            }
        }
        catch (Exception e) when (e is BenchFlowException or MailWaitException or HttpRequestException or IOException
            or MailKit.ProtocolException or MailKit.CommandException or CourierMessagesRedactedException or InvalidOperationException)
        {
            return new MailLatency { Reader = reader, From = from, Skipped = "error: " + e.Message.Split('\n')[0] };
        }

        return new MailLatency
        {
            Reader = reader,
            From = from,
            MedianMs = Stats.Round(Stats.Median(times)),
            P95Ms = Stats.Round(Stats.Percentile(times, 95)),
            SamplesMs = times.Select(Stats.Round).ToList(),
        };
    }
}
