using System.Net;
using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>An in-process double on random loopback ports plus HTTP clients for its admin API.</summary>
public sealed class DoubleHarness : IAsyncDisposable
{
    private readonly HttpClient _admin;

    private DoubleHarness(KratosDoubleHost host)
    {
        Host = host;
        _admin = new HttpClient { BaseAddress = host.AdminBaseUrl };
    }

    public KratosDoubleHost Host { get; }

    public static async Task<DoubleHarness> StartAsync(
        string? version = null, IReadOnlyCollection<string>? deviations = null, string? yaml = null,
        IDictionary<string, string>? env = null, bool dev = true, bool watchCourier = false)
    {
        var host = await KratosDoubleHost.StartAsync(new KratosDoubleOptions
        {
            ConfigYaml = yaml ?? DoubleConfigs.Yaml(),
            Dev = dev,
            WatchCourier = watchCourier,
            Emulate = version,
            Deviations = deviations ?? [],
            Environment = env ?? new Dictionary<string, string>(),
            PublicPort = 0,
            AdminPort = 0,
            BindAddress = "127.0.0.1",
            LogWriter = TextWriter.Null,
        });
        return new DoubleHarness(host);
    }

    public Actor NewActor() => new(Host.PublicBaseUrl);

    public async Task<JsonObject> CreateIdentityAsync(string email, string password = "a-strong-test-password-1")
    {
        var body = new JsonObject
        {
            ["schema_id"] = "default",
            ["traits"] = new JsonObject { ["email"] = email },
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = password } } },
        };
        using var response = await _admin.PostAsync("/admin/identities", FlowJson.Content(body));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"identity create returned {(int)response.StatusCode}: {text}");
        }

        return (JsonObject)JsonNode.Parse(text)!;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> AdminGetAsync(string path)
    {
        using var response = await _admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>All codes mailed to <paramref name="recipient"/>, newest first, read from the courier admin API (--dev).</summary>
    public async Task<List<string>> CodesForAsync(string recipient)
    {
        var (_, body) = await AdminGetAsync("/admin/courier/messages?recipient=" + Uri.EscapeDataString(recipient));
        return body!.AsArray()
            .Select(m => System.Text.RegularExpressions.Regex.Match(m!["body"]!.GetValue<string>(), @"\n(\d+)\n").Groups[1].Value)
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await Host.DisposeAsync();
    }
}
