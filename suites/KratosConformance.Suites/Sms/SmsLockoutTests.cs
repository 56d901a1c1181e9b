using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Sms;

/// <summary>Scenario login.sms.lockout: after max_submissions wrong SMS codes even the right one fails (factors spec §10.5, spec §2.11).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SmsLockoutTests : SmsTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        ConformanceProperties.Qualified("login", "sms", "lockout"),
        "factors §10.5, spec §2.11: after max_submissions wrong codes on an SMS flow the right code gives 4000001 (submitted too often) and no aal2 session; a new flow's SMS code completes aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task Lockout(ClientStyle client)
    {
        var s = await SignedInWithSmsSentAsync(client);
        var flow = s.Flow;
        var max = s.Flows.Expect.MaxSubmissions;
        for (var attempt = 1; attempt <= max; attempt++)
        {
            var wrong = await SubmitAsync(s, flow, Flows.WrongCode(s.First.Code!), $"submitting wrong SMS code #{attempt} of max_submissions={max}");
            StatusChecks.FlowRendered(wrong, client);
            MessageChecks.ExactlyIds(wrong, [4010008], $"attempts 1…{max} are evaluated, spec §2.11");
            flow = FlowChecks.Flow(wrong);
        }

        var locked = await SubmitAsync(s, flow, s.First.Code!, $"submitting the right SMS code as attempt {max + 1} (max_submissions={max})");
        StatusChecks.FlowRendered(locked, client);
        MessageChecks.ExactlyIds(locked, [4000001], "attempts beyond max_submissions are rejected even with the right code, spec §2.11");
        MessageChecks.Text(locked, 4000001, VersionExpectations.TooManySubmissionsText, "of the too-many-submissions reason (spec §2.11)");
        SessionChecks.NotAal2(Observe(await s.User.WhoAmIAsync(), "on /sessions/whoami after the locked SMS flow"), "a locked flow completes nothing, spec §2.11");

        Step("start a new aal2 flow after the lockout and press the phone's button again");
        var created = Observe(await s.User.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" }), "after creating a new aal2 login flow");
        var sent = Observe(await s.User.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.SendCodeTo(s.Phone)), "after pressing the phone's address button on the new flow");
        FlowChecks.State(sent, "sent_email", "the new flow sends the SMS, factors spec §10.5");
        var next = await WaitForSmsAsync(s.Flows.Deployment, s.Phone, 2);
        await CompleteAsync(s, FlowChecks.Flow(sent), next.Code!, "submitting the SMS code of a new flow after the lockout");
    }
}
