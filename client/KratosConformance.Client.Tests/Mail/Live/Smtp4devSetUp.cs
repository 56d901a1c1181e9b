using KratosConformance.Harness.Smtp4dev;
using MailKit.Net.Smtp;
using MimeKit;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail.Live;

/// <summary>One real smtp4dev for every reader test in this namespace; tests stay apart by recipient address.</summary>
[SetUpFixture]
public sealed class Smtp4devSetUp
{
    private static Smtp4devProcess? _server;

    public static Smtp4devProcess Server => _server ?? throw new InvalidOperationException("smtp4dev is not running.");

    /// <summary>A fresh address per call, mixed case on purpose: readers must match recipients case-insensitively.</summary>
    public static string NewRecipient(string tag) => $"User.{tag}.{Guid.NewGuid():N}@Example.test";

    public static async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Server.Host, Server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await Smtp4devProcess.StartAsync(KratosConformance.Harness.Targets.HarnessSettings.FromEnvironment().Patience);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
