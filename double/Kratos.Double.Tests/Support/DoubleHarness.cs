using System.Net;
using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>
/// An in-process double on random loopback ports plus HTTP clients for its admin API. With
/// <see cref="DoubleStore.Sqlite"/> it keeps its state in a SQLite file migrated first (as `migrate sql -e --yes`
/// would), which <see cref="RestartAsync"/> serves again.
/// </summary>
public sealed class DoubleHarness : IAsyncDisposable
{
    private readonly KratosDoubleOptions _options;
    private readonly string? _directory;
    private HttpClient _admin;

    private DoubleHarness(KratosDoubleHost host, KratosDoubleOptions options, string? directory)
    {
        Host = host;
        _options = options;
        _directory = directory;
        _admin = new HttpClient { BaseAddress = host.AdminBaseUrl };
    }

    public KratosDoubleHost Host { get; private set; }

    /// <summary>The sqlite:// DSN of a <see cref="DoubleStore.Sqlite"/> harness; null for memory.</summary>
    public string? Dsn => _options.Environment.TryGetValue("DSN", out var dsn) ? dsn : null;

    public static async Task<DoubleHarness> StartAsync(
        string? version = null, IReadOnlyCollection<string>? deviations = null, string? yaml = null,
        IDictionary<string, string>? env = null, bool dev = true, bool watchCourier = false, DoubleStore store = DoubleStore.Memory,
        TextWriter? log = null)
    {
        var environment = new Dictionary<string, string>(env ?? new Dictionary<string, string>());
        string? directory = null;
        if (store == DoubleStore.Sqlite)
        {
            directory = Directory.CreateTempSubdirectory("kratos-double-test-").FullName;
            environment["DSN"] = $"sqlite://{Path.Combine(directory, "db.sqlite")}?_fk=true";
            KratosDoubleDatabase.Migrate(environment["DSN"], version ?? "v26.2.0", TextWriter.Null);
        }

        var options = new KratosDoubleOptions
        {
            ConfigYaml = yaml ?? DoubleConfigs.Yaml(),
            Dev = dev,
            WatchCourier = watchCourier,
            Emulate = version,
            Deviations = deviations ?? [],
            Environment = environment,
            PublicPort = 0,
            AdminPort = 0,
            BindAddress = "127.0.0.1",
            LogWriter = log ?? TextWriter.Null,
        };
        try
        {
            return new DoubleHarness(await KratosDoubleHost.StartAsync(options), options, directory);
        }
        catch
        {
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Stops the double and serves the same database again on the same ports, as a restarted Kratos would.</summary>
    public async Task RestartAsync()
    {
        _options.PublicPort = Host.PublicBaseUrl.Port;
        _options.AdminPort = Host.AdminBaseUrl.Port;
        _admin.Dispose();
        await Host.DisposeAsync();
        Host = await KratosDoubleHost.StartAsync(_options);
        _admin = new HttpClient { BaseAddress = Host.AdminBaseUrl };
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
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
