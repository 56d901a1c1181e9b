using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using FluentAssertions;
using Kratos.Double.Config;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The in-process host: switching deviations and the emulated version between runs without a restart (so the kill
/// matrix need not restart the double), and binding only the hosts the config names.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HostTests
{
    [TestCase(DoubleStore.Memory)]
    [TestCase(DoubleStore.Sqlite)]
    public async Task Reconfigure_switches_deviations_between_runs_and_back(DoubleStore store)
    {
        await using var harness = await DoubleHarness.StartAsync(store: store);

        harness.Host.Reconfigure([Deviations.WrongCodeMessageId]);
        var deviating = await Scenario.RunAsync(harness);
        harness.Host.Reconfigure([]);
        var clean = await Scenario.RunAsync(harness);

        deviating.Should().NotEqual(DeviationTests.Baseline, "the switched-on deviation answers the next run");
        clean.Should().Equal(DeviationTests.Baseline, "switched off, the same double walks the spec again");
        harness.Host.ActiveDeviations.Should().BeEmpty();
    }

    [Test]
    public async Task Reconfigure_clears_the_store_unless_asked_to_keep_it()
    {
        await using var harness = await DoubleHarness.StartAsync(store: DoubleStore.Sqlite);
        await harness.CreateIdentityAsync($"kept-{Guid.NewGuid():N}@example.com");

        harness.Host.Reconfigure([Deviations.CsrfNotEnforced], clearStore: false);
        (await harness.AdminGetAsync("/admin/identities")).Body!.AsArray().Should().HaveCount(1);
        harness.Host.Reconfigure([]);
        (await harness.AdminGetAsync("/admin/identities")).Body!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task Reconfigure_switches_the_emulated_version_and_refuses_unknown_names()
    {
        await using var harness = await DoubleHarness.StartAsync();

        harness.Host.Reconfigure([], "v25.4.0");
        (await harness.AdminGetAsync("/admin/version")).Body!["version"]!.GetValue<string>().Should().Be("v25.4.0");

        var unknown = () => harness.Host.Reconfigure(["no-such-deviation"]);
        unknown.Should().Throw<KratosDoubleConfigException>().Which.Message.Should().Contain("no-such-deviation");
        harness.Host.EmulatedVersion.Should().Be("v25.4.0", "a refused switch changes nothing");
    }

    [Test]
    public async Task The_admin_api_listens_only_on_the_host_the_config_names()
    {
        var other = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        if (other is null)
        {
            Assert.Ignore("This machine has no non-loopback IPv4 address to prove the admin API is not reachable on.");
        }

        var log = new StringWriter();
        var yaml = DoubleConfigs.Yaml() + "\nserve:\n  admin:\n    host: 127.0.0.1\n    port: 0\n  public:\n    port: 0\n";
        await using var host = await KratosDoubleHost.StartAsync(new KratosDoubleOptions
        {
            ConfigYaml = yaml, Environment = new Dictionary<string, string>(), LogWriter = log,
        });
        var port = host.AdminBaseUrl.Port;

        log.ToString().Should().Contain("msg=Starting the admin httpd addr=127.0.0.1:0").And.Contain("msg=Starting the public httpd addr=:0");
        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, port);
        using var elsewhere = new TcpClient();
        var connect = async () => await elsewhere.ConnectAsync(other, port);
        await connect.Should().ThrowAsync<SocketException>("serve.admin.host is 127.0.0.1, so {0} must not answer", other);
    }
}
