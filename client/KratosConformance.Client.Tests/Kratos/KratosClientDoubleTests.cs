using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The flow clients against the reference double, in every client style: password first factor, then an
/// aal2 flow (v26.2.0 auto-sends the code, so it arrives in sent_email).</summary>
[TestFixtureSource(typeof(ClientStyles), nameof(ClientStyles.All))]
public sealed class KratosClientDoubleTests(ClientStyle style) : DoubleFixture
{
    [Test]
    public async Task Password_sign_in_then_aal2_flow_in_sent_email()
    {
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync($"client-self-test.{style.Id()}");
        using var client = KratosClient.Create(style, Deployment.Endpoints, evidence, Deployment.Profile.Facts);

        var signIn = await client.SignInWithPasswordAsync(identity.Email, identity.Password);
        var aal2 = await client.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor);

        switch (style)
        {
            case ClientStyle.Browser:
                signIn.Status.Should().Be(303, signIn.Describe());
                signIn.Location.Should().Contain("/self-service/login/browser?aal=aal2", "highest_available sends an aal1 session to the aal2 flow");
                aal2.Status.Should().Be(303, aal2.Describe());
                break;
            case ClientStyle.Spa:
                signIn.Status.Should().Be(422, signIn.Describe());
                signIn.Error!.Id.Should().Be("browser_location_change_required");
                aal2.Status.Should().Be(200, aal2.Describe());
                break;
            default:
                signIn.Status.Should().Be(200, signIn.Describe());
                client.SessionToken.Should().StartWith("ory_st_");
                aal2.Status.Should().Be(200, aal2.Describe());
                break;
        }

        aal2.Flow.Should().NotBeNull(aal2.Describe());
        aal2.Flow!.RequestedAal.Should().Be("aal2");
        aal2.Flow.State.Should().Be("sent_email", aal2.Describe());
        aal2.Flow.FindNode("code", "code", "text").Should().NotBeNull();
        (aal2.Flow.CsrfToken is null).Should().Be(style == ClientStyle.Native, "only browser flows carry a csrf_token node");
    }

    [Test]
    public async Task Exchanges_are_recorded_with_secrets_masked()
    {
        var directory = Directory.CreateTempSubdirectory("kc-client-evidence").FullName;
        try
        {
            var evidence = new EvidenceRecorder(directory, new SecretMasker(reveal: false));
            await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync($"evidence.{style.Id()}");
            using var client = KratosClient.Create(style, Deployment.Endpoints, evidence);

            var signIn = await client.SignInWithPasswordAsync(identity.Email, identity.Password);

            signIn.TranscriptFile.Should().MatchRegex("^\\d{4}-post-login\\.txt$");
            signIn.RequestLine.Should().MatchRegex("^POST /self-service/login\\?flow=.{4}… -> \\d{3}$");
            var all = string.Join("\n", Directory.GetFiles(directory).Select(File.ReadAllText));
            all.Should().NotContain(identity.Password);
            if (client.SessionToken is { } token)
            {
                all.Should().NotContain(token);
            }

            evidence.Steps.Should().Contain(s => s.Flow != null && s.Flow.RequestedAal == "aal1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
