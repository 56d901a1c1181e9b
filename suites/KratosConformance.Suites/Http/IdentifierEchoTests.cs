using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario identifier-echo: after a wrong or missing code in sent_email, the hidden identifier node carries
/// <c>cmp.Or(address, identifier)</c> of the submission, where a wrong code's identifier has been lower-cased first
/// (<c>loginVerifyCode</c>: <c>maybeNormalizeEmail</c>) and a missing code's has not (it is refused before that); the
/// posted <c>address</c> always wins, as typed (spec §2.11 [C]; docs/kratos-facts.md "The submitted address").
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class IdentifierEchoTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "identifier-echo",
        "§2.11 [C]: after a wrong code the hidden identifier carries the posted identifier lower-cased (maybeNormalizeEmail), or the posted address as typed; after a missing code the posted address as typed, or nothing when nothing was posted");

    [TestCaseSource(nameof(Cases))]
    public async Task IdentifierEcho(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        var typed = identity.Email.ToUpperInvariant();

        Step("submit a wrong code with the identifier typed in capitals");
        var capitals = Observe(await user.SubmitLoginAsync(flow, LoginSubmission.Code(Flows.WrongCode(mail.Code), typed)), "after submitting a wrong code with the identifier in capitals");
        StatusChecks.FlowRendered(capitals, client);
        MessageChecks.ExactlyIds(capitals, [4010008], "a wrong code, spec §2.11");
        NodeChecks.Present(capitals, new NodeExpectation("default", "identifier", "hidden") { Value = typed.ToLowerInvariant() }, "loginVerifyCode lower-cases an identifier with @ (maybeNormalizeEmail) before the wrong code is written back, spec §2.11 [C]");

        Step("submit without a code, with the address typed in capitals");
        var missing = Observe(
            await user.SubmitLoginAsync(FlowChecks.Flow(capitals), LoginSubmission.Code(string.Empty, identity.Email).Without("code").With("address", typed)),
            "after submitting without a code but with an address in capitals");
        StatusChecks.FlowRendered(missing, client);
        NodeChecks.HasMessage(missing, "code", "code", "text", 4000002, "the missing code, spec §2.11");
        NodeChecks.Present(missing, new NodeExpectation("default", "identifier", "hidden") { Value = typed }, "HandleLoginError writes cmp.Or(address, identifier): the address wins, as typed (a missing code is refused before any normalising), spec §2.11 [C]");

        Step("submit without a code, an identifier or an address");
        var bare = Observe(
            await user.SubmitLoginAsync(FlowChecks.Flow(missing), LoginSubmission.Code(string.Empty).Without("code")),
            "after submitting without a code, an identifier or an address");
        StatusChecks.FlowRendered(bare, client);
        NodeChecks.Present(bare, new NodeExpectation("default", "identifier", "hidden") { Value = string.Empty }, "HandleLoginError writes cmp.Or(address, identifier) of the submission, here nothing, spec §2.11 [C]");

        // A second wrong code is a second attempt: only where max_submissions allows it without a lockout.
        if (flows.Expect.MaxSubmissions >= 2)
        {
            Step("submit a wrong code with the address typed in capitals");
            var address = Observe(
                await user.SubmitLoginAsync(FlowChecks.Flow(bare), LoginSubmission.Code(Flows.WrongCode(mail.Code), identity.Email).With("address", typed)),
                "after submitting a wrong code with an address in capitals");
            StatusChecks.FlowRendered(address, client);
            MessageChecks.ExactlyIds(address, [4010008], "a wrong code, spec §2.11");
            NodeChecks.Present(address, new NodeExpectation("default", "identifier", "hidden") { Value = typed }, "HandleLoginError writes cmp.Or(address, identifier) of the submission: the posted address as typed, not the normalised identifier, spec §2.11 [C]");
        }
    }
}
