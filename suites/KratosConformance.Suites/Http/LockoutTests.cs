using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario lockout: after max_submissions attempts even the right code fails; a new flow recovers (spec §2.11).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LockoutTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "lockout",
        "§2.11/§2.10: after max_submissions wrong codes the right code gives 4000001 (submitted too often), and so does a resent code (a resend does not reset the counter [C]); a new aal2 flow still completes");

    [TestCaseSource(nameof(Cases))]
    public async Task Lockout(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);

        var max = flows.Expect.MaxSubmissions;
        for (var attempt = 1; attempt <= max; attempt++)
        {
            var wrong = await flows.SubmitCodeAsync(user, flow, Flows.WrongCode(mail.Code), identity, $"submitting wrong code #{attempt} of max_submissions={max}");
            StatusChecks.FlowRendered(wrong, client);
            MessageChecks.ExactlyIds(wrong, [4010008], $"attempts 1…{max} are evaluated, spec §2.11");
            flow = FlowChecks.Flow(wrong);
        }

        var locked = await flows.SubmitCodeAsync(user, flow, mail.Code, identity, $"submitting the right code as attempt {max + 1} (max_submissions={max})");
        StatusChecks.FlowRendered(locked, client);
        MessageChecks.ExactlyIds(locked, [4000001], "attempts beyond max_submissions are rejected even with the right code, spec §2.11");
        MessageChecks.Text(locked, 4000001, VersionExpectations.TooManySubmissionsText, "of the too-many-submissions reason (spec §2.11)");

        // "Please request another code" is misleading: the counter lives on the flow and a resend keeps it (spec §2.10 [C]).
        var resent = await flows.ResendAsync(user, FlowChecks.Flow(locked), identity);
        StatusChecks.FlowRendered(resent, client);
        var renewed = await WaitForCodeAsync(flows.Deployment, identity, 2);
        var stillLocked = await flows.SubmitCodeAsync(user, FlowChecks.Flow(resent), renewed.Code, identity, "submitting the resent code on the locked flow");
        StatusChecks.FlowRendered(stillLocked, client);
        MessageChecks.ExactlyIds(stillLocked, [4000001], "a resend does not reset the per-flow submission counter, spec §2.10 [C], §2.11");
        SessionChecks.NotAal2(Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the locked flow"), "a locked flow completes nothing, spec §2.11");

        Step("start a new aal2 flow after the lockout");
        var fresh = await flows.StartWithCodeSentAsync(user, identity);
        var next = await WaitForCodeAsync(flows.Deployment, identity, 3);
        await flows.CompleteAsync(user, fresh, next.Code, identity, "submitting the code of a new flow after the lockout");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
