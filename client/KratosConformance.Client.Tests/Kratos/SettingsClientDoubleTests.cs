using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The settings client and the factor driver against the double's totp and lookup profiles (no code MFA, so
/// the password's aal1 session may open settings), in every client style: a settings flow opened (a browser's 303 to
/// the settings UI followed), the TOTP secret read and enrolled with a code computed from it, then the aal2 login with
/// a TOTP code; and backup codes regenerated and confirmed.</summary>
[TestFixtureSource(typeof(ClientStyles), nameof(ClientStyles.All))]
public sealed class SettingsClientDoubleTests(ClientStyle style)
{
    [Test]
    public async Task Totp_is_enrolled_in_settings_and_completes_aal2()
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.Totp);
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync($"settings-client.{style.Id()}");
        using var client = KratosClient.Create(style, deployment.Endpoints, evidence, deployment.Profile.Facts);
        var driver = Driver(deployment, evidence);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);

        var opened = await driver.OpenSettingsAsync(client);
        opened.Flow.Should().NotBeNull(opened.Describe());
        var secret = FactorNodes.TotpSecret(opened.Flow!);
        secret.Should().MatchRegex("^[A-Z2-7]{32}$");
        FactorNodes.TotpQrSource(opened.Flow!).Should().StartWith("data:image/png;base64,");
        var enrolled = await driver.SubmitTotpEnrolmentAsync(client, opened.Flow!, TotpCode.At(secret!));
        enrolled.Status.Should().Be(style == ClientStyle.Browser ? 303 : 200, enrolled.Describe());
        enrolled.Flow!.State.Should().Be("success", enrolled.Describe());

        var aal2 = await client.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", Refresh = true });
        var done = await driver.SubmitTotpLoginAsync(client, aal2.Flow!, TotpCode.At(secret!), "submit the TOTP code");
        done.Status.Should().Be(style == ClientStyle.Browser ? 303 : 200, done.Describe());
    }

    [Test]
    public async Task Backup_codes_are_regenerated_and_confirmed_in_one_flow()
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.Lookup);
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync($"settings-lookup.{style.Id()}");
        using var client = KratosClient.Create(style, deployment.Endpoints, evidence, deployment.Profile.Facts);
        var driver = Driver(deployment, evidence);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);

        var opened = await driver.OpenSettingsAsync(client);
        var regenerated = await driver.LookupActionAsync(client, opened.Flow!, [FactorDriver.Regenerate]);
        var codes = FactorNodes.LookupCodes(regenerated.Flow!);
        codes.Should().HaveCount(12).And.OnlyContain(c => c.Length == 8);
        var confirmed = await driver.LookupActionAsync(client, regenerated.Flow!, [FactorDriver.Confirm]);
        confirmed.Flow!.State.Should().Be("success", confirmed.Describe());
    }

    private static FactorDriver Driver(DoubleDeployment deployment, EvidenceRecorder evidence) =>
        new(deployment.Profile.Facts, evidence);
}
