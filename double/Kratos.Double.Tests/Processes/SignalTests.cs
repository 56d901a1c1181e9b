using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Processes;

/// <summary>
/// serve stops on SIGTERM and SIGINT, also when started as users start it (./kc double serve: bash execs into the CLI,
/// which serves in its own process), so a supervisor or CI step can stop it. Asserted: it exits, with code 0, and
/// says its httpds shut down; how long that took is not asserted, the wait is only bounded.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SignalTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [TestCase(SigTerm)]
    [TestCase(SigInt)]
    public async Task The_double_binary_stops_on_the_signal(int signal)
    {
        if (signal == SigInt && InheritsIgnoredSigint())
        {
            // A background job of a non-interactive shell starts with SIGINT ignored, and the .NET runtime keeps an
            // inherited ignore (Go's signal.Notify in Kratos would undo it): SIGINT can not be tested from here.
            Assert.Ignore("This test process was started with SIGINT ignored (a background job); the double inherits that. SIGTERM is tested regardless.");
        }

        var (config, process) = await ServeConfig.StartAsync(path => DoubleProcess.Start("dotnet", [DoubleProcess.DoubleDll, "serve", "-c", path]));
        await using var _ = config;
        using var __ = process;

        process.Signal(signal);

        (await process.WaitForExitAsync(Patience.For("the double's stop after the signal", TimeSpan.FromSeconds(30)))).Should().Be(0, process.Stderr);
        process.Stderr.Should().Contain("msg=Admin httpd was shutdown gracefully");
    }

    [Test]
    public async Task Kc_double_serve_stops_on_sigterm_sent_to_kc()
    {
        var root = RepositoryRoot();
        var kcDll = Path.Combine(root, "cli", "KratosConformance.Cli", "bin", "Debug", "net10.0", "kc.dll");
        File.Exists(kcDll).Should().BeTrue($"the solution must be built before this test ({kcDll})");
        var (config, process) = await ServeConfig.StartAsync(path => DoubleProcess.Start(
            "bash", [Path.Combine(root, "kc"), "double", "serve", "-c", path, "--emulate", "v25.4.0"],
            new Dictionary<string, string> { ["KC_SKIP_BUILD"] = "1" }, root));
        await using var _ = config;
        using var __ = process;

        process.Signal(SigTerm);

        (await process.WaitForExitAsync(Patience.For("./kc double serve's stop after SIGTERM", TimeSpan.FromSeconds(30)))).Should().Be(0, process.Stderr);
        process.Stderr.Should().Contain("msg=Starting the admin httpd on: 127.0.0.1:", "--emulate v25.4.0 reached the double")
            .And.Contain("msg=Admin httpd was shutdown gracefully");
    }

    /// <summary>Bit 2 (SIGINT) of SigIgn in /proc/self/status: set when the process was started with SIGINT ignored.</summary>
    private static bool InheritsIgnoredSigint()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (SigInt - 1))) != 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KratosConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("KratosConformance.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A kratos.yml on free loopback ports, and a wait for its admin API.</summary>
    private sealed class ServeConfig : IAsyncDisposable
    {
        private readonly string _directory;

        private ServeConfig(string directory, int adminPort)
        {
            _directory = directory;
            AdminPort = adminPort;
        }

        public string Path => System.IO.Path.Combine(_directory, "kratos.yml");

        public int AdminPort { get; }

        /// <summary>
        /// Starts a server on free ports and waits until it answers. A port picked free can be taken by a parallel test
        /// before the double binds it: then the double exits ("address already in use") and new ports are tried.
        /// </summary>
        public static async Task<(ServeConfig Config, DoubleProcess Process)> StartAsync(Func<string, DoubleProcess> start)
        {
            for (var attempt = 1; ; attempt++)
            {
                var config = await CreateAsync();
                var process = start(config.Path);
                if (await config.WaitUntilReadyAsync(process))
                {
                    return (config, process);
                }

                var stderr = process.Stderr;
                process.Dispose();
                await config.DisposeAsync();
                if (attempt == 3 || !stderr.Contains("address already in use", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("the double exited before it was ready:\n" + stderr);
                }
            }
        }

        private static async Task<ServeConfig> CreateAsync()
        {
            var directory = Directory.CreateTempSubdirectory("kratos-double-signal-").FullName;
            var (publicPort, adminPort) = (FreePort(), FreePort());
            var yaml = DoubleConfigs.Yaml() + $"""

                serve:
                  public:
                    host: 127.0.0.1
                    port: {publicPort}
                  admin:
                    host: 127.0.0.1
                    port: {adminPort}
                """;
            await File.WriteAllTextAsync(System.IO.Path.Combine(directory, "kratos.yml"), yaml);
            return new ServeConfig(directory, adminPort);
        }

        /// <summary>True once this process answers on its admin port; false when it exited first.</summary>
        private async Task<bool> WaitUntilReadyAsync(DoubleProcess process)
        {
            using var http = new HttpClient();
            var deadline = Patience.For("double's admin API ready", TimeSpan.FromSeconds(60));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < deadline.Limit)
            {
                if (process.HasExited)
                {
                    return false;
                }

                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{AdminPort}/admin/health/ready");
                    // Another test's server may hold the port: only a process still alive after the answer is ours.
                    if (response.StatusCode == HttpStatusCode.OK && process.Stderr.Contains("Starting the admin httpd", StringComparison.Ordinal))
                    {
                        return !process.HasExited;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            throw new TimeoutException($"the double's admin API on port {AdminPort} was not ready within {deadline.Expired}; stderr:\n{process.Stderr}");
        }

        public ValueTask DisposeAsync()
        {
            Directory.Delete(_directory, recursive: true);
            return ValueTask.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
