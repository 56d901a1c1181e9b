using System.Diagnostics;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Bench;

/// <summary>
/// Times every seed scenario × client style done by the harness and by the replay, interleaved in one process
/// against one server, so drift (a busy neighbour, a warming JIT, a growing mailbox) hits both sides alike. The
/// order alternates per repetition (harness first, then replay first) for the same reason.
/// </summary>
public static class FlowOverheadBench
{
    public static async Task<IReadOnlyList<FlowOverhead>> RunAsync(
        string targetName, KratosDeployment deployment, int repetitions, KratosConformance.Client.Waiting.Patience patience, string evidenceRoot, TextWriter console, CancellationToken ct)
    {
        // The replay's requests get the harness's Kratos request deadline as HttpClient.Timeout (no per-request
        // cancellation source: the replay is the floor the harness is measured against); an expiry is named below.
        var request = deployment.Endpoints.RequestDeadline;
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = request.Limit };
        // The suites' login-code mail deadline at the run's patience, for the harness and the replay alike.
        var mailDeadline = new HarnessSettings { Patience = patience }.MailDeadline;
        var mail = ReplayMail.For(deployment.Mailbox, http, mailDeadline, out var reason);
        var combos = SeedScenarios.All.SelectMany(s => ClientStyles.All.Select(c => (Scenario: s, Style: c))).ToList();
        if (mail is null)
        {
            return combos.Select(c => new FlowOverhead { Target = targetName, Scenario = c.Scenario, Client = c.Style.Id(), Error = "skipped: " + reason }).ToList();
        }

        var harness = new HarnessFlow(deployment, evidenceRoot, mailDeadline);
        var replay = new ReplayFlow(http, deployment.Endpoints, mail);
        var samples = combos.ToDictionary(c => c, _ => new Samples());

        // One untimed flow per client style and side first: JIT, connection pools and the reader's hub connection.
        foreach (var style in ClientStyles.All)
        {
            await TimeAsync(samples[(SeedScenarios.Aal2, style)], () => harness.RunAsync(SeedScenarios.Aal2, style, 0, ct), keep: false, isHarness: true, request);
            await TimeAsync(samples[(SeedScenarios.Aal2, style)], () => replay.RunAsync(SeedScenarios.Aal2, style, ct), keep: false, isHarness: false, request);
        }

        for (var rep = 1; rep <= repetitions; rep++)
        {
            foreach (var combo in combos)
            {
                var s = samples[combo];
                if (s.Error is not null)
                {
                    continue;
                }

                var r = rep;
                Func<Task> h = () => TimeAsync(s, () => harness.RunAsync(combo.Scenario, combo.Style, r, ct), keep: true, isHarness: true, request);
                Func<Task> p = () => TimeAsync(s, () => replay.RunAsync(combo.Scenario, combo.Style, ct), keep: true, isHarness: false, request);
                await (rep % 2 == 1 ? h : p)();
                await (rep % 2 == 1 ? p : h)();
            }

            console.WriteLine($"  flows on {targetName}: repetition {rep}/{repetitions} done");
        }

        return combos.Select(c => samples[c].ToResult(targetName, c.Scenario, c.Style.Id())).ToList();
    }

    private static async Task TimeAsync(Samples into, Func<Task<FlowRun>> flow, bool keep, bool isHarness, Deadline request)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var run = await flow();
            if (keep)
            {
                (isHarness ? into.Harness : into.Replay).Add(clock.Elapsed.TotalMilliseconds);
                (isHarness ? into.HarnessMail : into.ReplayMail).Add(run.MailWaitMs);
                if (isHarness)
                {
                    into.HarnessRequests = run.Requests;
                }
                else
                {
                    into.ReplayRequests = run.Requests;
                }
            }
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // HttpClient.Timeout: the replay's request deadline.
            into.Error ??= $"{(isHarness ? "harness" : "replay")} flow failed: a request did not finish within {request.Expired}";
        }
        catch (Exception e) when (e is BenchFlowException or HttpRequestException or TaskCanceledException or TimeoutException or KratosConformance.Client.Mail.MailWaitException
            or InvalidOperationException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            into.Error ??= $"{(isHarness ? "harness" : "replay")} flow failed: {e.Message.Split('\n')[0]}";
        }
    }

    private sealed class Samples
    {
        public List<double> Harness { get; } = [];
        public List<double> Replay { get; } = [];
        public List<double> HarnessMail { get; } = [];
        public List<double> ReplayMail { get; } = [];
        public int HarnessRequests { get; set; }
        public int ReplayRequests { get; set; }
        public string? Error { get; set; }

        public FlowOverhead ToResult(string target, string scenario, string client)
        {
            var h = Stats.Median(Harness);
            var r = Stats.Median(Replay);
            return new FlowOverhead
            {
                Target = target,
                Scenario = scenario,
                Client = client,
                HarnessMedianMs = Stats.Round(h),
                ReplayMedianMs = Stats.Round(r),
                Ratio = Harness.Count > 0 && Replay.Count > 0 ? Math.Round(h / r, 2) : double.NaN,
                HarnessMailWaitMedianMs = Stats.Round(Stats.Median(HarnessMail)),
                ReplayMailWaitMedianMs = Stats.Round(Stats.Median(ReplayMail)),
                HarnessRequests = HarnessRequests,
                ReplayRequests = ReplayRequests,
                HarnessSamplesMs = Harness.Select(Stats.Round).ToList(),
                ReplaySamplesMs = Replay.Select(Stats.Round).ToList(),
                Error = Error,
            };
        }
    }
}
