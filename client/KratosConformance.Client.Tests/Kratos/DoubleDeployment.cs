using Kratos.Double;
using KratosConformance.Client.Kratos;
using KratosConformance.Containers;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The reference double hosted in the test process with the default profile, for the clients' self-tests.
/// Ports are allocated first so serve.*.base_url can name them, as the real targets do.</summary>
internal sealed class DoubleDeployment : IAsyncDisposable
{
    private readonly KratosDoubleHost _host;
    private readonly string _schemaDirectory;

    private DoubleDeployment(KratosDoubleHost host, string schemaDirectory, ComposedProfile profile)
    {
        _host = host;
        _schemaDirectory = schemaDirectory;
        Profile = profile;
        Endpoints = new KratosEndpoints(host.PublicBaseUrl, host.AdminBaseUrl);
    }

    public KratosEndpoints Endpoints { get; }
    public ComposedProfile Profile { get; }

    public static async Task<DoubleDeployment> StartAsync(string profile, IReadOnlyCollection<string>? deviations = null, string? emulate = null)
    {
        var schemaDirectory = Directory.CreateTempSubdirectory("kc-double-schema").FullName;
        var composer = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles"));
        var wiring = new HarnessWiring
        {
            PublicBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            AdminBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            Dev = true,
        };
        // No mail worker: these tests read codes from the courier queue, not from a sink.
        var (host, composed) = await InProcessDouble.StartAsync(composer, profile, wiring, schemaDirectory, o =>
        {
            o.LogWriter = TextWriter.Null;
            o.Deviations = deviations ?? [];
            o.Emulate = emulate;
        });
        return new DoubleDeployment(host, schemaDirectory, composed);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_schemaDirectory, recursive: true);
    }
}
