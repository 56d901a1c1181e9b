using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Kratos.Double;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Validation;
using KratosConformance.Containers;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// Every external URL must answer as what it claims to be, checked once before any test: an unreachable --mail-url
/// used to fail 32 tests with "Connection refused". Checked against the reference double in this process.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class EndpointCheckTests
{
    private readonly HttpClient _http = new();
    private KratosDoubleHost _double = null!;
    private string _schemaDirectory = null!;
    private EndpointCheck _check = null!;

    [OneTimeSetUp]
    public async Task StartDoubleAsync()
    {
        _schemaDirectory = Directory.CreateTempSubdirectory("kc-cli-endpoints-").FullName;
        var wiring = new HarnessWiring
        {
            PublicBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            AdminBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            Dev = true,
        };
        (_double, _) = await InProcessDouble.StartAsync(new ProfileComposer(Repository.Profiles), KratosProfiles.Default, wiring, _schemaDirectory, o => o.LogWriter = TextWriter.Null);
        _check = new EndpointCheck(_http, HarnessSettings.FromEnvironment().Patience.For("URL check (self-test)", TimeSpan.FromSeconds(10)));
    }

    [OneTimeTearDown]
    public async Task StopDoubleAsync()
    {
        await _double.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_schemaDirectory, recursive: true);
    }

    [Test]
    public async Task Kratos_public_and_admin_urls_pass()
    {
        await _check.PublicApiAsync(_double.PublicBaseUrl, CancellationToken.None);
        await _check.AdminApiAsync(_double.AdminBaseUrl, CancellationToken.None);
        await _check.MailAsync("courier+" + _double.AdminBaseUrl.AbsoluteUri.TrimEnd('/'), CancellationToken.None);
    }

    [Test]
    public async Task The_admin_url_given_as_public_url_is_refused()
    {
        var act = () => _check.PublicApiAsync(_double.AdminBaseUrl, CancellationToken.None);

        await act.Should().ThrowAsync<CliException>().WithMessage("--public-url*self-service/login/api*Kratos's public API*");
    }

    [Test]
    public async Task The_public_url_given_as_admin_url_is_refused()
    {
        var act = () => _check.AdminApiAsync(_double.PublicBaseUrl, CancellationToken.None);

        await act.Should().ThrowAsync<CliException>().WithMessage("--admin-url*admin/identities*Kratos's admin API*");
    }

    [Test]
    public async Task A_mail_url_of_the_wrong_kind_is_refused()
    {
        var act = () => _check.MailAsync("mailpit+" + _double.AdminBaseUrl.AbsoluteUri.TrimEnd('/'), CancellationToken.None);

        await act.Should().ThrowAsync<CliException>().WithMessage("--mail-url*Mailpit's API*");
    }

    [Test]
    public async Task Nothing_listening_is_one_message_naming_the_url()
    {
        var port = FreePort.Pick();

        var http = () => _check.MailAsync($"smtp4dev+http://127.0.0.1:{port}", CancellationToken.None);
        var imap = () => _check.MailAsync($"imap://127.0.0.1:{port}", CancellationToken.None);

        await http.Should().ThrowAsync<CliException>().WithMessage($"--mail-url: nothing answers at http://127.0.0.1:{port}/api/messages?pageSize=1 (*Connection refused*). Check the URL and that smtp4dev's HTTP API runs.");
        await imap.Should().ThrowAsync<CliException>().WithMessage($"--mail-url imap://127.0.0.1:{port}: no IMAP server greets at 127.0.0.1:{port} (*). Check the host, the port and that the mail server runs.");
    }

    [Test]
    public async Task A_server_that_greets_as_something_else_is_not_pop3()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            await stream.WriteAsync("220 smtp.example ESMTP\r\n"u8.ToArray());
            await stream.FlushAsync();
        });

        var act = () => _check.MailAsync($"pop3://127.0.0.1:{port}", CancellationToken.None);

        await act.Should().ThrowAsync<CliException>().WithMessage($"--mail-url pop3://127.0.0.1:{port}: no POP3 server greets at 127.0.0.1:{port}*");
        await server;
    }

    [Test]
    public void A_mail_url_without_a_port_is_refused_before_anything_is_asked()
    {
        var act = () => EndpointCheck.ParseMailUrl("imap://127.0.0.1");

        act.Should().Throw<CliException>().WithMessage("--mail-url 'imap://127.0.0.1' is not a mail access URL: the port is missing*");
    }

    [Test]
    public void Through_the_command_line_an_external_target_that_does_not_answer_is_exit_2()
    {
        var port = FreePort.Pick();

        var (code, output, error) = Kc.Invoke("run", "--target", "external", "--public-url", _double.PublicBaseUrl.AbsoluteUri, "--admin-url", _double.AdminBaseUrl.AbsoluteUri,
            "--mail-url", $"smtp4dev+http://127.0.0.1:{port}", "--out", Path.GetTempPath());

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"kc run: error: --mail-url: nothing answers at http://127.0.0.1:{port}/");
    }
}
