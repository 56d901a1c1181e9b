using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario expired-code: a code past its lifespan, on an aal2 flow with a session (spec §2.12, version dependent).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExpiredCodeTests : CodeMfaTest
{
    /// <summary>Longest code lifespan the scenario waits out; longer ones need the short-code-lifespan profile.</summary>
    private static readonly TimeSpan LongestLifespan = TimeSpan.FromSeconds(2);

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "expired-code",
        "§2.12: an expired code is rejected as the version says: ≤ v26.2.0 4000001 (valid session) on the old flow [C]; later versions 4010008 inline, flow stays sent_email");

    [TestCaseSource(nameof(Cases))]
    public async Task ExpiredCode(ClientStyle client)
    {
        var flows = await FlowsAsync(KratosProfiles.ShortCodeLifespan);
        var lifespan = flows.Deployment.Facts.CodeLifespan;
        if (lifespan > LongestLifespan)
        {
            NotApplicable.Because($"the '{flows.Deployment.Profile}' deployment has a code lifespan of {lifespan}; the scenario needs one of at most {LongestLifespan.TotalSeconds:0} s (profile short-code-lifespan sets 1ms)");
        }

        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        var flow = await flows.StartWithCodeSentAsync(user, identity);
        var sentBy = DateTimeOffset.UtcNow;
        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        await WaitOutAsync(sentBy + lifespan, lifespan, "code lifespan");

        var expired = await flows.SubmitCodeAsync(user, flow, mail.Code, identity, $"submitting the code after its lifespan of {lifespan.TotalMilliseconds:0} ms");
        StatusChecks.FlowRendered(expired, client);
        FlowChecks.SameFlow(expired, flow.Id, "the error is written onto the submitted flow, spec §2.12");
        if (flows.Expect.ExpiredCode == ExpiredCodeOutcome.InlineCodeInvalid)
        {
            FlowChecks.State(expired, "sent_email", $"Kratos {flows.Expect.Version} treats an expired code like an unknown one, spec §2.12 (HEAD)");
            MessageChecks.ExactlyIds(expired, [4010008], $"Kratos {flows.Expect.Version} answers an expired code inline, spec §2.12 (HEAD)");
        }
        else
        {
            MessageChecks.ExactlyIds(expired, [4000001], $"up to v26.2.0 the replacement flow fails on the existing session, spec §2.12 [C]");
            MessageChecks.Text(expired, 4000001, VersionExpectations.ValidSessionText, "of the valid-session reason (spec §2.12 [C])");
        }

        var whoami = Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the expired code");
        SessionChecks.NotAal2(whoami, "an expired code does not complete the second factor, spec §2.12");
    }
}
