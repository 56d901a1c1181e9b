using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Sms;

/// <summary>Scenario login.sms.resend: resend=code sends a second SMS with a new code; the first one is dead (factors spec §10.5, spec §2.10).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SmsResendTests : SmsTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        ConformanceProperties.Qualified("login", "sms", "resend"),
        "factors §10.5, spec §2.10: resend=code on an SMS flow keeps the flow in sent_email and sends exactly one more SMS to the same number with a new code; the first code then gives 4010008 and the second completes aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task Resend(ClientStyle client)
    {
        var s = await SignedInWithSmsSentAsync(client);
        var resent = Observe(await Scope.Driver(s.Flows.Deployment).ResendCodeAsync(s.User, s.Flow, s.Phone), "after pressing resend on the SMS flow");
        StatusChecks.FlowRendered(resent, client);
        FlowChecks.SameFlow(resent, s.Flow.Id, "a resend stays on the same flow, spec §2.10");
        FlowChecks.State(resent, "sent_email", "a resend sends again, spec §2.10");

        var second = await WaitForSmsAsync(s.Flows.Deployment, s.Phone, 2);
        if (KnowsTemplate)
        {
            SmsChecks.BodyFor(resent.ContinueOnFailure(), second, s.Phone, s.Sms);
        }

        CodeChecks.Renewed(resent.WarnOnFailure(), s.First.Code!, second.Code!);
        SmsChecks.Exactly(resent, await SettledSmsAsync(s.Flows.Deployment, s.Phone, 2), 2, s.Phone, "one SMS for the first send and one for the resend, spec §2.10");
        await CourierRecordedAsync(s, resent, 2);

        var old = await SubmitAsync(s, FlowChecks.Flow(resent), s.First.Code!, "submitting the SMS code replaced by the resend");
        StatusChecks.FlowRendered(old, client);
        MessageChecks.ExactlyIds(old, [4010008], "a resend deletes the earlier codes of the flow, spec §2.10, §2.13");
        await CompleteAsync(s, FlowChecks.Flow(old), second.Code!, "submitting the resent SMS code");
    }
}
