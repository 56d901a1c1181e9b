using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Targets;

/// <summary>
/// KC_MAIL_IN_MEMORY (the mutation runs' mail path): the in-process target's double sends its mail over SMTP to an
/// in-memory sink of the target's own, the deployment reads it there, and the next target starts with an empty one. A
/// setting that would send the mail one way and read it another is refused before anything starts.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class InMemoryMailTargetTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task The_doubles_mail_reaches_the_targets_own_sink_and_the_next_target_starts_empty(CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("kc-inmemory-mail-").FullName;
        try
        {
            var settings = new HarnessSettings { Target = TargetKind.InProcess, InMemoryMail = true, EvidenceRoot = root };
            var evidence = new EvidenceRecorder(Path.Combine(root, "evidence"), new SecretMasker(false));
            string address;
            await using (var first = await ConformanceTargets.CreateAsync(settings, TextWriter.Null, ct))
            {
                var deployment = (await first.GetDeploymentAsync("recovery", ct)).Deployment!;
                deployment.Mailbox.Description.Should().StartWith("in-memory SMTP sink at 127.0.0.1:");
                var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync("in-memory-mail", ct);
                address = identity.Email;
                var recovery = new RecoveryClient(KratosClient.Create(ClientStyle.Native, deployment.Endpoints, evidence, deployment.Facts), deployment.Facts);
                var flow = (await recovery.CreateAsync(ct: ct)).Flow!;
                (await recovery.SendCodeAsync(flow, address, ct)).Status.Should().Be(200);

                var mails = await deployment.Mailbox.WaitForMailsAsync(address, 1, settings.MailDeadline, cancellationToken: ct);

                mails.Should().ContainSingle().Which.To.Should().Equal(address);
            }

            await using var second = await ConformanceTargets.CreateAsync(settings, TextWriter.Null, ct);
            var again = (await second.GetDeploymentAsync("recovery", ct)).Deployment!;
            (await again.Mailbox.ListAsync(address, ct)).Should().BeEmpty("each target (each test run under Stryker) reads a sink of its own");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestCase("KC_MAIL_URL", "smtp4dev+http://127.0.0.1:5080")]
    [TestCase("KC_SMTP_URI", "smtp://127.0.0.1:2525/?disable_starttls=true")]
    [TestCase("KC_MAIL_ACCESS", "imap")]
    [CancelAfter(60_000)]
    public async Task Another_mail_setting_beside_it_is_refused(string name, string value, CancellationToken ct)
    {
        var settings = HarnessSettings.FromVariables(n => n switch
        {
            "KC_TARGET" => "inprocess",
            "KC_MAIL_IN_MEMORY" => "true",
            _ when n == name => value,
            _ => null,
        });

        var act = () => ConformanceTargets.CreateAsync(settings, TextWriter.Null, ct);

        (await act.Should().ThrowAsync<HarnessSettingsException>()).Which.Message
            .Should().Contain("KC_MAIL_IN_MEMORY is set for the in-process target together with KC_MAIL_URL, KC_SMTP_URI or KC_MAIL_ACCESS")
            .And.Contain("Unset KC_MAIL_IN_MEMORY");
    }
}
