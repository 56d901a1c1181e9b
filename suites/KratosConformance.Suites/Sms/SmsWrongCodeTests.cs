using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Sms;

/// <summary>Scenario login.sms.wrong-code: a wrong SMS code is 4010008 on the same flow, which stays usable (factors spec §10.5, spec §2.11).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SmsWrongCodeTests : SmsTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        ConformanceProperties.Qualified("login", "sms", "wrong-code"),
        "factors §10.5, spec §2.11: a wrong code on an SMS flow gives [4010008] (type error) on the same flow in sent_email with the code input kept; the SMS code then completes aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task WrongCode(ClientStyle client)
    {
        var s = await SignedInWithSmsSentAsync(client);
        var wrong = await SubmitAsync(s, s.Flow, Flows.WrongCode(s.First.Code!), "submitting a wrong SMS code");
        StatusChecks.FlowRendered(wrong, client);
        FlowChecks.SameFlow(wrong, s.Flow.Id, "errors are written onto the flow, spec §2.11");
        FlowChecks.State(wrong, "sent_email", "a wrong code leaves the flow in sent_email, spec §2.11");
        MessageChecks.ExactlyIds(wrong, [4010008], "a wrong code replaces the info message with 4010008, spec §2.11");
        MessageChecks.Type(wrong, 4010008, "error", "spec §2.11");
        NodeChecks.Present(wrong, new NodeExpectation("code", "code", "text") { Required = true }, "the flow stays usable: the code input is still there, spec §2.11");
        await CompleteAsync(s, FlowChecks.Flow(wrong), s.First.Code!, "submitting the right SMS code after a wrong one");
    }
}
