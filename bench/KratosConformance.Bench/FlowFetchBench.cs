using System.Diagnostics;
using System.Text.Json;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Bench;

/// <summary>
/// Times the local double answering one flow request: an API login flow is created once, fetched untimed a few times
/// (JIT, connection pool), then fetched <c>samples</c> times, each request timed on its own. Every request is bounded
/// by the deployment's Kratos request deadline (the run's patience), which names itself when it expires.
/// </summary>
public static class FlowFetchBench
{
    private const int WarmUp = 20;

    public static async Task<FlowFetchLatency> RunAsync(KratosEndpoints endpoints, int samples, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var created = await GetAsync(http, endpoints, "self-service/login/api", ct);
            using var flow = JsonDocument.Parse(created);
            var fetch = "self-service/login/flows?id=" + Uri.EscapeDataString(flow.RootElement.GetProperty("id").GetString()!);
            for (var i = 0; i < WarmUp; i++)
            {
                await GetAsync(http, endpoints, fetch, ct);
            }

            var times = new List<double>(samples);
            for (var i = 0; i < samples; i++)
            {
                var clock = Stopwatch.StartNew();
                await GetAsync(http, endpoints, fetch, ct);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return new FlowFetchLatency
            {
                MedianMs = Stats.Round(Stats.Median(times)),
                P95Ms = Stats.Round(Stats.Percentile(times, 95)),
                MaxMs = Stats.Round(times.Max()),
                SamplesMs = times.Select(Stats.Round).ToList(),
            };
        }
        catch (Exception e) when (e is BenchFlowException or HttpRequestException or KratosConformance.Client.Waiting.DeadlineExpiredException
            or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new FlowFetchLatency { Skipped = "error: " + e.Message.Split('\n')[0] };
        }
    }

    private static Task<string> GetAsync(HttpClient http, KratosEndpoints endpoints, string path, CancellationToken ct) =>
        endpoints.RequestDeadline.RunAsync($"GET {path}", async token =>
        {
            using var response = await http.GetAsync(new Uri(endpoints.PublicUrl, path), token);
            var body = await response.Content.ReadAsStringAsync(token);
            BenchFlowException.Expect((int)response.StatusCode == 200, $"200 from GET {path}", $"{(int)response.StatusCode}: {body}");
            return body;
        }, ct);
}
