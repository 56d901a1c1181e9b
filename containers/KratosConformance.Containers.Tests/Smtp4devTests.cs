using System.Net;
using System.Net.Sockets;

namespace KratosConformance.Containers.Tests;

[Category("docker")]
public sealed class Smtp4devTests
{
    [Test]
    public async Task Accepts_smtp_from_outside_the_container_and_lists_it_over_http_and_greets_on_imap()
    {
        var (_, smtp4devImage) = await DockerFixture.ImagesAsync();
        await using var sink = new Smtp4devBuilder(smtp4devImage).Build();
        await sink.StartAsync();

        var smtp = sink.GetSmtpEndpoint();
        await SendAsync(smtp.Host, smtp.Port, "someone@example.org", "Your login code");

        using var http = new HttpClient();
        var deadline = ContainerPatience.FromEnvironment().For("smtp4dev listing the mail", TimeSpan.FromSeconds(10));
        var messages = await PollAsync(() => http.GetStringAsync(new Uri(sink.GetHttpBaseAddress(), "api/messages")), m => m.Contains("someone@example.org"), deadline);
        messages.Should().Contain("someone@example.org", "smtp4dev stores a mail shortly after accepting it (waited up to {0})", deadline.Expired);
        (await GreetingAsync(sink.GetImapEndpoint())).Should().StartWith("* OK");
        (await GreetingAsync(sink.GetPop3Endpoint())).Should().StartWith("+OK");
    }

    [Test]
    public async Task SessionCleanup_disposes_registered_resources()
    {
        var (_, smtp4devImage) = await DockerFixture.ImagesAsync();
        var sink = new Smtp4devBuilder(smtp4devImage).Build();
        await sink.StartAsync();
        SessionCleanup.Register(sink);

        await SessionCleanup.DisposeAllAsync();

        (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().BeEmpty();
    }

    [Test]
    public async Task Images_command_prebuilds_and_reports_cached_images()
    {
        await DockerFixture.ImagesAsync();
        var output = new StringWriter();

        var exit = await LocalImagesCommand.RunAsync(["smtp4dev", "--repo", DockerFixture.RepoRoot], output);

        exit.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("(cached)").And.Contain("images ready");
    }

    /// <summary>Polls every 50 ms until <paramref name="deadline"/> and returns the last answer, matching or not.</summary>
    private static async Task<string> PollAsync(Func<Task<string>> read, Func<string, bool> done, ContainerDeadline deadline)
    {
        var ends = DateTime.UtcNow + deadline.Limit;
        var last = await read();
        while (!done(last) && DateTime.UtcNow < ends)
        {
            await Task.Delay(50);
            last = await read();
        }

        return last;
    }

    private static async Task SendAsync(string host, int port, string to, string subject)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        using var reader = new StreamReader(client.GetStream());
        await using var writer = new StreamWriter(client.GetStream()) { NewLine = "\r\n", AutoFlush = true };
        await reader.ReadLineAsync();
        foreach (var line in new[] { "HELO test", "MAIL FROM:<kratos@example.org>", $"RCPT TO:<{to}>", "DATA" })
        {
            await writer.WriteLineAsync(line);
            (await reader.ReadLineAsync()).Should().MatchRegex("^(250|354)", line);
        }

        await writer.WriteLineAsync($"Subject: {subject}\r\nTo: {to}\r\n\r\n123456\r\n.");
        (await reader.ReadLineAsync()).Should().StartWith("250");
        await writer.WriteLineAsync("QUIT");
    }

    private static async Task<string> GreetingAsync(Uri endpoint)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        using var reader = new StreamReader(client.GetStream());
        return await reader.ReadLineAsync() ?? string.Empty;
    }
}
