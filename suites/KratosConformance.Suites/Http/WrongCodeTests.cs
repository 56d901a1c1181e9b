using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario wrong-code: a wrong code is an inline error and does not spoil the right one (spec §2.11).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WrongCodeTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "wrong-code",
        "§2.11: a wrong code gives 4010008 (type error) in place of the info message, the flow stays sent_email, the hidden identifier carries what was posted (nothing when nothing was), and the right code still works");

    [TestCaseSource(nameof(Cases))]
    public async Task WrongCode(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);

        var wrong = await flows.SubmitCodeAsync(user, flow, Flows.WrongCode(mail.Code), identity, "submitting a wrong code");
        StatusChecks.FlowRendered(wrong, client);
        FlowChecks.SameFlow(wrong, flow.Id, "errors are written onto the flow, spec §2.11");
        FlowChecks.State(wrong, "sent_email", "a wrong code leaves the flow in sent_email, spec §2.11");
        MessageChecks.ExactlyIds(wrong, [4010008], "a wrong code replaces the info message with 4010008, spec §2.11");
        MessageChecks.Type(wrong, 4010008, "error", "spec §2.11");
        NodeChecks.Present(wrong, new NodeExpectation("code", "code", "text") { Required = true }, "the flow stays usable: the code input is still there, spec §2.11");
        NodeChecks.Present(wrong, new NodeExpectation("default", "identifier", "hidden") { Value = identity.Email }, "the identifier is re-upserted, hidden, in the default group, without label, spec §2.11 [C]");
        NodeChecks.Order(wrong, CodeFormChecks.AfterErrorOrder(client), "HandleLoginError re-sorts after upserting the identifier, spec §2.11 [C]");

        // An aal2 code is checked against the session's identity, so a UI may post it without the identifier (spec §5
        // item 3). The hidden node then carries what was posted, nothing, not the address the code went to
        // (HandleLoginError writes cmp.Or(address, identifier); docs/kratos-facts.md "The submitted address").
        // Two wrong codes and the right one are three attempts: only where max_submissions allows them.
        var last = wrong;
        if (flows.Expect.MaxSubmissions >= 3)
        {
            last = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(wrong), LoginSubmission.Code(Flows.WrongCode(mail.Code))), "after submitting a wrong code without the identifier");
            StatusChecks.FlowRendered(last, client);
            MessageChecks.ExactlyIds(last, [4010008], "the code is checked against the session's identity whatever identifier is posted, spec §2.11, §5 item 3");
            NodeChecks.Present(last, new NodeExpectation("default", "identifier", "hidden") { Value = string.Empty }, "the identifier node carries what was posted, here nothing, spec §2.11 [C] (HandleLoginError)");
        }

        await flows.CompleteAsync(user, FlowChecks.Flow(last), mail.Code, identity, "submitting the right code after the wrong ones");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
