using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario choose-address: an identity with two code addresses chooses where the code goes (spec §2.6, §2.8). The
/// v26.2.0 fast path sends at once only when there is exactly one address, so this is the one screen of v26.2.0 that
/// shows 1010004 and the address buttons; a deployment whose users have several addresses depends on it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ChooseAddressTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "choose-address",
        "§2.6/§2.8: with two code addresses an aal2 flow waits in choose_method with [1010004] and one address button (1010023) per address, in ascending order of address, on every version; the code goes only to the address pressed and gives aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task ChooseAddress(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityWithSecondAddressAsync(flows.Deployment);
        var second = identity.SecondEmail!;
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);

        Step("create an aal2 login flow (two code addresses)");
        var created = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" }), "after creating an aal2 login flow for an identity with two code addresses");
        StatusChecks.FlowCreated(created, client);
        FlowChecks.RequestedAal(created, "aal2");
        CodeFormChecks.ChooseMethod(created, client, identity.Email, [1010004], "two code addresses: nothing is sent until the user picks one (the fast path needs exactly one), spec §2.3, §2.6");
        NodeChecks.Present(created, CodeFormChecks.AddressButton(second), "one address button per code address, spec §2.6 (a)");
        NodeChecks.AddressOrder(created, "the strategy sorts the addresses (spec §2.6; identity/extension_credentials.go stores them sorted): the second address, which sorts first, comes first although its trait is the second");

        Step($"press the address button for {second}");
        var sent = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.SendCodeTo(second)), "after pressing the second address button");
        StatusChecks.FlowRendered(sent, client);
        FlowChecks.State(sent, "sent_email", "pressing an address button sends the code, spec §2.4, §2.8 step 5");
        MessageChecks.ExactlyIds(sent, [flows.Expect.CodeSentMessageId], $"the code-sent info of Kratos {flows.Expect.Version}, spec §2.9");
        NodeChecks.Present(sent, new NodeExpectation("code", "code", "text") { Required = true, LabelId = 1070013 }, "the code input, spec §2.9 row 3");

        var mail = await Scope.Mail.WaitForCodeAsync(flows.Deployment, second, 1);
        MailChecks.Count(sent, await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 0), 0, "the code goes only to the address pressed, spec §2.8 steps 2-4");

        var done = await flows.CompleteAsync(user, FlowChecks.Flow(sent), mail.Code, identity);
        await flows.WhoAmIAal2Async(user, identity);
        var stored = Observe(await Scope.Admin(flows.Deployment).GetIdentityAsync(identity.Id), "on GET /admin/identities/{id} after the code to the second address");
        IdentityChecks.AddressVerified(stored, second, done, untouched: identity.Email);
    }
}
