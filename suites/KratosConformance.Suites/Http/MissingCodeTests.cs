using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario missing-code: a submission without a code is a field error and not an attempt (spec §2.11).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MissingCodeTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "missing-code",
        "§2.11: a submission without code, or with an empty one, gives 4000002 on the code node and is not counted towards max_submissions");

    [TestCaseSource(nameof(Cases))]
    public async Task MissingCode(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);

        // The identifier as a UI may post it (typed in capitals): the hidden identifier node Kratos writes after the
        // error carries the submitted value, not the address the code went to (spec §2.11 [C], HandleLoginError).
        Step("submit without a code");
        var typed = identity.Email.ToUpperInvariant();
        var missing = Observe(
            await user.SubmitLoginAsync(flow, LoginSubmission.Code(string.Empty, typed).Without("code")),
            "after submitting without a code");
        StatusChecks.FlowRendered(missing, client);
        FlowChecks.State(missing, "sent_email", "a missing code leaves the flow in sent_email, spec §2.11");
        NodeChecks.HasMessage(missing, "code", "code", "text", 4000002, "the required-field error sits on the code node and names the code property, spec §2.11", "Property code is missing.");
        NodeChecks.Present(missing, new NodeExpectation("default", "identifier", "hidden") { Value = typed }, "after a submit error in sent_email the hidden identifier node carries the submitted identifier, spec §2.11 [C]");
        MessageChecks.ExactlyIds(missing, [], "ui.messages is emptied when the code is missing, spec §2.11");

        // An empty code field is a missing code: loginVerifyCode refuses p.Code == "" before any lookup, and the form
        // and JSON decoders both give "" for it (spec §2.11; code/.schema/login.schema.json sets no minLength).
        Step("submit an empty code");
        missing = Observe(
            await user.SubmitLoginAsync(FlowChecks.Flow(missing), LoginSubmission.Code(string.Empty, identity.Email)),
            "after submitting an empty code");
        StatusChecks.FlowRendered(missing, client);
        NodeChecks.HasMessage(missing, "code", "code", "text", 4000002, "an empty code is refused as missing (loginVerifyCode: p.Code == \"\"), and node messages are reset before an error is written (ResetMessages), so the second one leaves one 4000002, not two, spec §2.11", only: true);

        // Attempt accounting: max_submissions - 1 wrong codes, then the right one as attempt number max_submissions. Had
        // the missing code been counted, the right code would be attempt max_submissions + 1 and locked out (spec §2.11).
        var current = FlowChecks.Flow(missing);
        for (var attempt = 1; attempt < flows.Expect.MaxSubmissions; attempt++)
        {
            var wrong = await flows.SubmitCodeAsync(user, current, Flows.WrongCode(mail.Code), identity, $"submitting wrong code #{attempt}");
            StatusChecks.FlowRendered(wrong, client);
            MessageChecks.ExactlyIds(wrong, [4010008], "a wrong code within max_submissions, spec §2.11");
            if (attempt == 1)
            {
                NodeChecks.NoMessages(wrong, "the wrong code's error replaces the missing code's 4000002 on the code node (login/error.go WriteFlowError: ResetMessages), spec §2.11");
            }
            current = FlowChecks.Flow(wrong);
        }

        await flows.CompleteAsync(user, current, mail.Code, identity, $"submitting the right code as attempt {flows.Expect.MaxSubmissions} of max_submissions={flows.Expect.MaxSubmissions} (the missing code must not count)");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
