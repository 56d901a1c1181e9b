using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario code-before-sent: a code posted to an aal2 flow that is still in choose_method (spec §2.4 state table;
/// docs/kratos-facts.md "choose_method only sends"). The code strategy decides by the flow's state alone
/// (selfservice/strategy/code/strategy_login.go <c>Login</c>): in choose_method it sends a code to the submitted
/// address and never reads the code, so the answer is the code-sent form, not a wrong-code error. A deployment that
/// checked such a code would spend the user's attempts on a form that had not asked for one.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CodeBeforeSentTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "code-before-sent",
        "§2.4/§2.8: method=code with a code and an address on a flow still in choose_method sends a code to that address (sent_email, the code-sent info) instead of checking the code; the emailed code then gives aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task CodeBeforeSent(ClientStyle client)
    {
        var (flows, identity, user, created) = await SignedInChoosingAddressAsync(client);
        var second = identity.SecondEmail!;

        Step($"post method=code with a code nobody sent and the address {second}");
        var answered = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.Code("000000", second)), "after posting a code to the flow in choose_method");
        StatusChecks.FlowRendered(answered, client);
        FlowChecks.SameFlow(answered, FlowChecks.Flow(created).Id, "the answer is the same flow, spec §2.8");
        FlowChecks.State(answered, "sent_email", "in choose_method the code strategy only sends, whatever else was posted (strategy_login.go Login switches on the state), spec §2.4");
        MessageChecks.ExactlyIds(answered, [flows.Expect.CodeSentMessageId], $"the code-sent info of Kratos {flows.Expect.Version}, not a wrong-code error, spec §2.9");

        var mail = await Scope.Mail.WaitForCodeAsync(flows.Deployment, second, 1);
        await flows.CompleteAsync(user, FlowChecks.Flow(answered), mail.Code, identity);
        await flows.WhoAmIAal2Async(user, identity);
    }
}
