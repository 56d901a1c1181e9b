using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

public sealed class KratosAdminClientDoubleTests : DoubleFixture
{
    [Test]
    public async Task Reads_version_readiness_identities_and_the_courier_queue()
    {
        var evidence = EvidenceRecorder.Discarding();
        var admin = new KratosAdminClient(Deployment.Endpoints, evidence);
        await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync("admin-self-test");
        using var client = KratosClient.Create(ClientStyle.Native, Deployment.Endpoints, evidence);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);
        await client.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor);

        (await admin.GetVersionAsync()).Should().StartWith("v");
        (await admin.GetHealthReadyAsync()).Status.Should().Be(200);
        var fetched = await admin.GetIdentityAsync(identity.Id);
        fetched.Status.Should().Be(200);
        fetched.Body!["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>().Should().BeFalse("the factory creates the address unverified");
        var messages = await admin.GetCourierMessagesAsync(identity.Email);
        messages.Body.Should().BeOfType<JsonArray>().Which.Should().NotBeEmpty("creating the aal2 flow auto-sends a code (v26.2.0)");
        evidence.Steps.Count(s => s.Http is not null).Should().BeGreaterThanOrEqualTo(7, "every admin and public exchange is recorded");
    }

    [Test]
    public async Task Deleting_an_identity_twice_is_fine()
    {
        var identity = await new IdentityFactory(Deployment.Endpoints, EvidenceRecorder.Discarding()).CreateAsync("delete-self-test");

        await identity.DisposeAsync();
        var again = await new KratosAdminClient(Deployment.Endpoints, EvidenceRecorder.Discarding()).DeleteIdentityAsync(identity.Id);

        again.Status.Should().Be(404);
    }
}
