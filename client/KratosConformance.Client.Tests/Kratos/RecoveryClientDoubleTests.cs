using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The recovery client against the double's recovery profile, in every client style: a recovery flow opened
/// (a browser's 303 to the recovery UI followed), the address submitted, the code read from the queued
/// recovery_code_valid mail with the version's template, the code submitted: the browser is sent to the settings UI,
/// JSON clients get continue_with, and a native client adopts the session token it hands over.</summary>
[TestFixtureSource(typeof(ClientStyles), nameof(ClientStyles.All))]
public sealed class RecoveryClientDoubleTests(ClientStyle style)
{
    [Test]
    public async Task A_recovery_by_code_leads_to_the_settings_flow()
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.Recovery);
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync($"recovery-client.{style.Id()}");
        using var client = KratosClient.Create(style, deployment.Endpoints, evidence, deployment.Profile.Facts);
        var recovery = new RecoveryClient(client, deployment.Profile.Facts);

        var created = await recovery.CreateAsync();
        created.Flow.Should().NotBeNull(created.Describe());
        created.Status.Should().Be(style == ClientStyle.Browser ? 303 : 200, created.Describe());
        var sent = await recovery.SendCodeAsync(created.Flow!, identity.Email);
        sent.Flow!.State.Should().Be("sent_email", sent.Describe());
        var queued = await new KratosCourier(deployment.Endpoints.AdminUrl).ListAsync(identity.Email, lastErrors: false);
        var mail = new ReceivedMail(queued[0].Id, null, "no-reply@conformance.test", [identity.Email], queued[0].Subject!, queued[0].Body!, null, queued[0].CreatedAt);
        RecoveryCodeTemplates.For(deployment.Profile.Facts.Version).TryExtract(mail, out var found).Should().BeTrue(queued[0].Describe());
        var done = await recovery.SubmitCodeAsync(sent.Flow!, found.Code);

        if (style == ClientStyle.Browser)
        {
            done.Status.Should().Be(303, done.Describe());
            done.Location.Should().StartWith(deployment.Profile.Facts.SettingsUiUrl!.AbsoluteUri + "?flow=");
        }
        else
        {
            done.Status.Should().Be(200, done.Describe());
            done.ContinueWith!.Select(c => (string?)c!["action"]).Should().EndWith("show_settings_ui");
        }

        (client.SessionToken is not null).Should().Be(style == ClientStyle.Native, "only a native app adopts the handed-over token");
        RecoveryClient.SessionTokenHandedOver(done).Should().Be(style == ClientStyle.Native ? client.SessionToken : null);
        (await client.WhoAmIAsync()).Status.Should().Be(200, "the recovery session works for the client in its style");
    }
}
