using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>How the clients interpret what comes back after the first factor: a browser's redirects to the login and
/// error UI are followed by fetching the flow or error; SPA and native get the same facts from JSON.</summary>
[TestFixtureSource(typeof(ClientStyles), nameof(ClientStyles.All))]
public sealed class KratosClientRedirectDoubleTests(ClientStyle style) : DoubleFixture
{
    [Test]
    public async Task A_wrong_code_comes_back_as_the_flow_with_4010008()
    {
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync($"wrong-code-self-test.{style.Id()}");
        using var client = KratosClient.Create(style, Deployment.Endpoints, evidence, Deployment.Profile.Facts);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);
        var aal2 = await client.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor);

        var wrong = await client.SubmitLoginAsync(aal2.Flow!, LoginSubmission.Code("000000"));

        wrong.Status.Should().Be(style == ClientStyle.Browser ? 303 : 400, wrong.Describe());
        wrong.Flow.Should().NotBeNull(wrong.Describe());
        wrong.Flow!.Id.Should().Be(aal2.Flow!.Id);
        wrong.Flow.MessageIds.Should().Equal([4010008L], wrong.Describe());
        if (style == ClientStyle.Browser)
        {
            wrong.FollowUp!.RequestLine.Should().StartWith("GET /self-service/login/flows?id=");
        }
    }

    [Test]
    public async Task Whoami_of_an_aal1_session_needs_aal2_under_highest_available()
    {
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync($"whoami-self-test.{style.Id()}");
        using var client = KratosClient.Create(style, Deployment.Endpoints, evidence, Deployment.Profile.Facts);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);

        var whoami = await client.WhoAmIAsync();

        whoami.Status.Should().Be(403, whoami.Describe());
        whoami.Error!.Id.Should().Be("session_aal2_required");
        whoami.Error.RedirectBrowserTo.Should().EndWith("/self-service/login/browser?aal=aal2");
    }

    /// <summary>
    /// Browser and SPA flows refuse a wrong token with security_csrf_violation (spec §3); API flows have no CSRF
    /// protection (selfservice/flow/request.go EnsureCSRF skips API flows), so there the password login completes.
    /// </summary>
    [Test]
    public async Task A_wrong_csrf_token_is_reported_as_the_csrf_error_and_ignored_by_native_flows()
    {
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(Deployment.Endpoints, evidence).CreateAsync($"csrf-self-test.{style.Id()}");
        using var client = KratosClient.Create(style, Deployment.Endpoints, evidence, Deployment.Profile.Facts);
        var flow = (await client.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor)).Flow!;

        var response = await client.SubmitLoginAsync(flow, LoginSubmission.Password(identity.Email, identity.Password) with { CsrfTokenOverride = "not-the-token" });

        if (style == ClientStyle.Native)
        {
            response.Status.Should().Be(200, response.Describe());
            response.SessionToken.Should().NotBeNullOrEmpty(response.Describe());
            return;
        }

        response.Status.Should().Be(style == ClientStyle.Browser ? 303 : 403, response.Describe());
        response.Error.Should().NotBeNull(response.Describe());
        response.Error!.Id.Should().Be("security_csrf_violation");
    }
}
