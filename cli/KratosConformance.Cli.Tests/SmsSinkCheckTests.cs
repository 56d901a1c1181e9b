using System.Net;
using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Validation;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using KratosConformance.SmsSink;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>--sms-url is checked before any test: only for the external target, and it must list requests as docs/sms-sink.md says.</summary>
[TestFixture]
public sealed class SmsSinkCheckTests
{
    private static readonly Deadline UrlCheck = HarnessSettings.FromEnvironment().Patience.For("URL check (self-test)", TimeSpan.FromSeconds(10));
    private readonly HttpClient _http = new();

    [OneTimeTearDown]
    public void Dispose() => _http.Dispose();

    private static HarnessSettings External(Uri sms) => new() { Target = TargetKind.External, SmsUrl = sms };

    [Test]
    public async Task The_harness_sink_passes()
    {
        await using var sink = await SmsSinkServer.StartAsync(IPAddress.Loopback, 0);
        await SmsSinkCheck.CheckAsync(External(sink.BaseUrl), _http, UrlCheck, CancellationToken.None);
    }

    [Test]
    public async Task A_closed_port_is_refused_naming_the_option()
    {
        var act = () => SmsSinkCheck.CheckAsync(External(new Uri($"http://127.0.0.1:{FreePort.Pick()}/")), _http, UrlCheck, CancellationToken.None);
        (await act.Should().ThrowAsync<CliException>()).Which.Message.Should().StartWith("--sms-url http://127.0.0.1:").And.Contain("nothing answers");
    }

    [Test]
    public async Task A_sink_that_answers_no_json_array_is_refused_naming_the_contract()
    {
        await using var sink = await SmsSinkServer.StartAsync(IPAddress.Loopback, 0);
        var act = () => SmsSinkCheck.CheckAsync(External(new Uri(sink.BaseUrl, "health/")), _http, UrlCheck, CancellationToken.None);
        (await act.Should().ThrowAsync<CliException>()).Which.Message.Should().Contain("docs/sms-sink.md");
    }

    [Test]
    public async Task Only_the_external_target_takes_it()
    {
        var act = () => SmsSinkCheck.CheckAsync(new HarnessSettings { Target = TargetKind.InProcess, SmsUrl = new Uri("http://127.0.0.1:1/") }, _http, UrlCheck, CancellationToken.None);
        (await act.Should().ThrowAsync<CliException>()).Which.Message.Should().StartWith("--sms-url is for --target external");
    }
}
