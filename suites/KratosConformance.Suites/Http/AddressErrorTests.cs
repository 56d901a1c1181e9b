using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario address-errors: what the choose_method screen answers to a forged or empty address (spec §2.8, §1.3): an
/// address with no code credential gives 4000035 and sends nothing, a submission without any address gives 4000002
/// on the identifier node it creates (a text input without value, once only after a second try), identifier wins over
/// address when both are sent, and the real address typed in capitals with spaces is normalised and sent to. An
/// identity with two addresses keeps every version on that screen (no auto-send).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AddressErrorTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "address-errors",
        "§2.8/§1.3: on choose_method an unknown address gives 4000035 and no mail, also as identifier beside a real address (identifier wins), a submission without an address 4000002 on the identifier text node it creates (one node and one message after a second try); the flow stays usable, and the address is lower-cased and trimmed before the lookup");

    [TestCaseSource(nameof(Cases))]
    public async Task AddressErrors(ClientStyle client)
    {
        var (flows, identity, user, created) = await SignedInChoosingAddressAsync(client);

        var stranger = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@conformance.test";
        var unknown = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.SendCodeTo(stranger)), "after pressing an address button forged to an unknown address");
        StatusChecks.FlowRendered(unknown, client);
        MessageChecks.ExactlyIds(unknown, [4000035], "an address without a code credential, spec §2.8 step 2, §1.3 [T] e2e");
        FlowChecks.KeptFrom(unknown, FlowChecks.Flow(created), "errors are written onto the flow, spec §2.11");
        MailChecks.Count(unknown, await Scope.Mail.ListSettledAsync(flows.Deployment, stranger, 0), 0, "nothing is sent to an unknown address, spec §2.8");

        // Spec §2.8: `identifier` wins over `address` when both are present (strategy_login.go: cmp.Or(p.Identifier,
        // p.Address)). A UI that renders every node in one form posts both, and the code must go where identifier says.
        var both = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(unknown), LoginSubmission.SendCodeTo(identity.Email).With("identifier", stranger)), "after submitting the real address as address and the unknown one as identifier");
        StatusChecks.FlowRendered(both, client);
        MessageChecks.ExactlyIds(both, [4000035], "identifier wins over address (spec §2.8): the unknown identifier is looked up, not the real address");
        MailChecks.Count(both, await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 0), 0, "identifier wins over address, spec §2.8: nothing goes to the address field's address");

        var empty = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(both), LoginSubmission.Code(string.Empty, string.Empty).Without("code").Without("identifier")), "after submitting method=code without an address");
        StatusChecks.FlowRendered(empty, client);
        NodeChecks.HasMessage(empty, "default", "identifier", "text", 4000002, "identifier/address missing in choose_method: 4000002 on the identifier node naming the identifier property, created for it as a text input (container.AddMessage), spec §1.3", "Property identifier is missing.");
        MessageChecks.ExactlyIds(empty, [], "a field error empties ui.messages, spec §2.11");

        // In choose_method HandleLoginError adds no identifier node (hideIdentifier is false there); the 4000002 creates
        // one, a text input without value (container.AddMessage: NewInputField(name, nil, default, text)). A second
        // empty submission finds that node: still one node, and one 4000002, as messages are reset first (spec §2.11;
        // docs/kratos-facts.md "The submitted address").
        NodeChecks.Once(empty, "default", "identifier", "the message creates one identifier node, spec §1.3");
        NodeChecks.NoValue(empty, "default", "identifier", "text", "the node is created for the message with no value (NewInputField(name, nil, …)), spec §1.3");
        var emptyAgain = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(empty), LoginSubmission.Code(string.Empty, string.Empty).Without("code").Without("identifier")), "after submitting method=code without an address a second time");
        StatusChecks.FlowRendered(emptyAgain, client);
        NodeChecks.Once(emptyAgain, "default", "identifier", "AddMessage finds the node the first error created and adds no second, spec §1.3");
        NodeChecks.HasMessage(emptyAgain, "default", "identifier", "text", 4000002, "node messages are reset before an error is written (ResetMessages), so the second missing address leaves one 4000002, not two, spec §2.11", only: true);
        NodeChecks.Present(emptyAgain, new NodeExpectation("default", "identifier", "text") { Value = string.Empty }, "the second error writes the submitted (empty) address onto the node the first one created (HandleLoginError: SetValueAttribute(\"identifier\", \"\"); docs/kratos-facts.md \"The submitted address\"), spec §1.3");
        MessageChecks.ExactlyIds(emptyAgain, [], "a field error empties ui.messages, spec §2.11");

        // Kratos normalises the submitted address before it looks it up (spec §2.8 step 1: lower-cased; x/normalize.go:
        // trimmed, docs/kratos-facts.md), so a typed address in capitals with spaces reaches the stored one.
        var typed = " " + identity.Email.ToUpperInvariant() + " ";
        var sent = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(emptyAgain), LoginSubmission.SendCodeTo(typed)), "after submitting the real address in capitals with surrounding spaces");
        StatusChecks.FlowRendered(sent, client);
        FlowChecks.State(sent, "sent_email", "the flow is still usable, and the address is lower-cased and trimmed before the lookup, spec §2.8 step 1");
        MessageChecks.ExactlyIds(sent, [flows.Expect.CodeSentMessageId], $"the code-sent info of Kratos {flows.Expect.Version}, spec §2.9");
        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        await flows.CompleteAsync(user, FlowChecks.Flow(sent), mail.Code, identity);
        await flows.WhoAmIAal2Async(user, identity);
    }
}
