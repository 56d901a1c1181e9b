using FluentAssertions;
using Kratos.Double;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Scenarios;
using KratosConformance.Client.Tests.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// The false green of issue 11, end to end: a Kratos whose SMTP points at a closed port queues the code, its courier
/// fails and abandons the message, and the courier reader must never call that mail delivered. The double runs with
/// --watch-courier and courier.message_retries 1, so the message is abandoned after its first failed attempt.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class UndeliveredMailDoubleTests
{
    private KratosDoubleHost _host = null!;
    private string _schemaDirectory = null!;
    private KratosDeployment _deployment = null!;

    [OneTimeSetUp]
    public async Task StartDoubleWithSmtpOnAClosedPortAsync()
    {
        _schemaDirectory = Directory.CreateTempSubdirectory("kc-double-schema").FullName;
        var composer = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles"));
        var wiring = new HarnessWiring
        {
            PublicBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            AdminBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            // A port picked free and left unbound: every SMTP connection is refused.
            SmtpConnectionUri = $"smtp://127.0.0.1:{FreePort.Pick()}/?disable_starttls=true",
            Dev = true,
        };
        var (host, composed) = await InProcessDouble.StartAsync(composer, KratosProfiles.Default, wiring, _schemaDirectory, o =>
        {
            o.LogWriter = TextWriter.Null;
            o.WatchCourier = true;
            o.Environment["COURIER_MESSAGE_RETRIES"] = "1";
        });
        _host = host;
        var endpoints = new KratosEndpoints(host.PublicBaseUrl, host.AdminBaseUrl);
        _deployment = new KratosDeployment(KratosProfiles.Default, endpoints, composed.Facts, new CourierApiMailbox(endpoints.AdminUrl));
    }

    [OneTimeTearDown]
    public async Task StopDoubleAsync()
    {
        await _deployment.Mailbox.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_schemaDirectory, recursive: true);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task An_abandoned_code_mail_is_never_delivered_and_is_reported_with_the_courier_error(CancellationToken ct)
    {
        var driver = new CodeLoginDriver(_deployment, EvidenceRecorder.Discarding(), Deadline.Fixed("login-code mail", TimeSpan.FromHours(1)));
        await using var identity = await driver.NewIdentityAsync("undelivered", ct);
        using var client = driver.NewClient(ClientStyle.Native);
        await driver.SignInWithPasswordAsync(client, identity, ct);
        var created = await driver.CreateAal2FlowAsync(client, ct: ct);
        await driver.SendCodeAsync(client, created.Flow!, identity.Email, ct);

        var act = () => driver.WaitForCodeAsync(identity.Email, 1, ct);

        var e = (await act.Should().ThrowAsync<MailWillNotArriveException>()).Which;
        e.Seen.Should().BeEmpty("a message the courier could not hand to SMTP reached nobody");
        e.Courier.Should().ContainSingle().Which.Should().Match<CourierMessage>(m => m.Status == CourierMessage.Abandoned && m.LastError != null);
        e.Message.Should().MatchRegex(@"status=abandoned send_count=\d+ ").And.Contain("last error: ");
    }
}
