using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario resend: resend=code mails a new code and invalidates the earlier one (spec §2.10).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ResendTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "resend",
        "§2.10: resend=code keeps the flow (id, lifetime, address, state sent_email), sends exactly one more mail with a new code; the first code then gives 4010008 and the second one completes aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task Resend(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        var flow = await flows.StartWithCodeSentAsync(user, identity);
        var first = await WaitForCodeAsync(flows.Deployment, identity, 1);

        var resent = await flows.ResendAsync(user, flow, identity);
        StatusChecks.FlowRendered(resent, client);
        CodeFormChecks.SentEmail(resent, client, identity.Email, flows.Expect);
        FlowChecks.SameFlow(resent, flow.Id, "a resend stays on the same flow, spec §2.10");
        FlowChecks.KeptFrom(resent, flow, "a resend re-sends on the same flow: what it keeps, spec §2.10");
        FlowChecks.Active(resent, "code");

        var second = await WaitForCodeAsync(flows.Deployment, identity, 2);
        // A warning only: two random six-digit codes coincide once in a million sends, and the 4010008 below proves the renewal.
        CodeChecks.Renewed(resent.WarnOnFailure(), first.Code, second.Code);
        var mails = await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 2);
        MailChecks.Count(resent, mails, 2, "one mail for the first send and one for the resend, spec §2.8 step 4, §2.10");

        var old = await flows.SubmitCodeAsync(user, FlowChecks.Flow(resent), first.Code, identity, "submitting the code replaced by the resend");
        StatusChecks.FlowRendered(old, client);
        FlowChecks.State(old, "sent_email", "a rejected code leaves the flow in sent_email, spec §2.11");
        MessageChecks.ExactlyIds(old, [4010008], "a resend deletes the earlier codes of the flow, spec §2.10 [T], §2.13");
        FlowChecks.KeptFrom(old, flow, "errors are written onto the flow, spec §2.11");

        await flows.CompleteAsync(user, FlowChecks.Flow(old), second.Code, identity, "submitting the resent code");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
